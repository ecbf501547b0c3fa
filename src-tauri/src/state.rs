//! What the application holds for the lifetime of the process: the open service API (replaced
//! when the desk switches databases), where the data is, the signed-in session (which ends by
//! itself after the policy's idle minutes: the core's [`DeskSession`]), and the task that tells
//! the window about changes.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use sanad_service::{Actor, DeskSession, Service};
use tauri::async_runtime::JoinHandle;

use crate::error::CommandError;

/// The database this desk has open.
pub struct OpenDatabase {
    /// The open service, or why the database could not be opened (shown by the window).
    pub service: Result<Arc<Service>, CommandError>,
    /// Where the data is, for the window (a file path or `host:port/database`; never a password).
    pub shown: String,
    /// True when `SANAD_DB` chose the database: the window's connection settings then only
    /// show it.
    pub from_environment: bool,
}

pub struct DeskState {
    database: Mutex<OpenDatabase>,
    session: Mutex<Option<DeskSession>>,
    watcher: Mutex<Option<JoinHandle<()>>>,
    deliverer: Mutex<Option<JoinHandle<()>>>,
}

/// Sends the applicants' messages waiting in the outbox, now and every
/// [`sanad_service::OUTBOX_EVERY`].
fn deliver_outbox(database: &OpenDatabase) -> Option<JoinHandle<()>> {
    let service = database.service.as_ref().ok()?.clone();
    Some(tauri::async_runtime::spawn(async move {
        service
            .keep_delivering_outbox(|error| {
                log::warn!("outbox round failed: {error}");
            })
            .await;
    }))
}

/// Locks `m`. Every value behind these locks is replaced in one assignment, so a panic while one
/// was held cannot leave it half-written: a poisoned lock is taken as is.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl DeskState {
    pub fn new(database: OpenDatabase) -> Self {
        DeskState {
            deliverer: Mutex::new(deliver_outbox(&database)),
            database: Mutex::new(database),
            session: Mutex::new(None),
            watcher: Mutex::new(None),
        }
    }

    /// The service, or the error that kept the database from opening.
    pub fn service(&self) -> Result<Arc<Service>, CommandError> {
        lock(&self.database).service.clone()
    }

    pub fn database_shown(&self) -> (String, bool) {
        let database = lock(&self.database);
        (database.shown.clone(), database.from_environment)
    }

    /// Puts another database in place of the open one: whoever was signed in is signed out
    /// (accounts belong to a database), and the old one is closed.
    pub fn replace_database(&self, database: OpenDatabase) {
        self.sign_out();
        if let Some(old) = std::mem::replace(&mut *lock(&self.deliverer), deliver_outbox(&database))
        {
            old.abort();
        }
        let old = std::mem::replace(&mut *lock(&self.database), database);
        if let Ok(service) = old.service {
            tauri::async_runtime::spawn(async move { service.close().await });
        }
    }

    /// The signed-in user, counting the call as activity, or `not_signed_in` when nobody is or
    /// the session was idle too long (it then ends here). The core re-checks the actor on every
    /// call.
    pub fn actor(&self) -> Result<Actor, CommandError> {
        let service = self.service()?;
        let actor = lock(&self.session)
            .as_mut()
            .and_then(|session| session.actor(&service));
        match actor {
            Some(actor) => Ok(actor),
            None => {
                if lock(&self.session).is_some() {
                    log::info!("the session ended after the policy's idle minutes");
                    self.sign_out();
                }
                Err(CommandError::not_signed_in())
            }
        }
    }

    /// Who is signed in, without counting as activity (the window reloaded, the sign-in screen's
    /// banners), while the session is still open.
    pub fn current(&self) -> Option<DeskSession> {
        let service = self.service().ok()?;
        lock(&self.session)
            .clone()
            .filter(|session| session.is_open(&service))
    }

    pub fn sign_in(&self, session: DeskSession) {
        *lock(&self.session) = Some(session);
    }

    pub fn sign_out(&self) {
        *lock(&self.session) = None;
        self.set_watcher(None);
    }

    /// Keeps `task` as the one change watcher, stopping the one before (a reloaded page or a
    /// new sign-in starts a new one).
    pub fn set_watcher(&self, task: Option<JoinHandle<()>>) {
        if let Some(old) = std::mem::replace(&mut *lock(&self.watcher), task) {
            old.abort();
        }
    }
}
