//! What the application holds for the lifetime of the process: the open service API (replaced
//! when the desk switches databases; opened behind the window at start-up, see
//! [`DeskState::opening`]), where the data is, the signed-in session (which ends by itself after
//! the policy's idle minutes: the core's [`DeskSession`]), the task that tells the window about
//! changes, and the background work (the outbox) started once the first screen is shown.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use sanad_app::receipt::Receipt;
use sanad_service::{Actor, DeskSession, OpenStage, Service};
use serde::Serialize;
use tauri::async_runtime::JoinHandle;
use ts_rs::TS;

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

/// What the desk is doing before its database is open, for the start screen (the
/// `start_stage` command).
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, TS)]
#[serde(rename_all = "snake_case")]
pub enum StartStage {
    /// Reading where the data is (the desk's saved connection).
    Starting,
    /// Waiting for the OS keychain (the database's key, or the server's password).
    Keychain,
    /// Connecting to the database and running its migrations.
    Database,
    /// Open, or failed to open (`app_status` then answers why).
    Ready,
}

impl From<OpenStage> for StartStage {
    fn from(stage: OpenStage) -> Self {
        match stage {
            OpenStage::Keychain => StartStage::Keychain,
            OpenStage::Database => StartStage::Database,
        }
    }
}

pub struct DeskState {
    database: Mutex<OpenDatabase>,
    stage: Mutex<StartStage>,
    /// True once the first database has opened (or failed to): `ready` waits for it.
    opened: tokio::sync::watch::Sender<bool>,
    session: Mutex<Option<DeskSession>>,
    watcher: Mutex<Option<JoinHandle<()>>>,
    deliverer: Mutex<Option<JoinHandle<()>>>,
    /// The window showed its first screen (or waited long enough): background work may start.
    background: AtomicBool,
    /// The registration receipts of this session's registrations whose receipt dialog is still
    /// open, by tracking code: the PIN exists nowhere else (the database keeps its hash), so the
    /// dialog prints and saves from these. Forgotten when the dialog closes and at sign-out.
    receipts: Mutex<Vec<Receipt>>,
}

/// At most this many receipts are kept (dialogs left open without closing, one per registration).
const KEPT_RECEIPTS: usize = 8;

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
    /// A desk whose database `shown` is still being opened (by [`DeskState::opened`], later):
    /// until then every command that needs it answers `not_ready`, and `app_status` waits.
    pub fn opening(shown: String, from_environment: bool) -> Self {
        DeskState {
            database: Mutex::new(OpenDatabase {
                service: Err(CommandError::not_ready()),
                shown,
                from_environment,
            }),
            stage: Mutex::new(StartStage::Starting),
            opened: tokio::sync::watch::channel(false).0,
            deliverer: Mutex::new(None),
            session: Mutex::new(None),
            watcher: Mutex::new(None),
            background: AtomicBool::new(false),
            receipts: Mutex::new(Vec::new()),
        }
    }

    /// What the start-up is waiting for.
    pub fn stage(&self) -> StartStage {
        *lock(&self.stage)
    }

    pub fn set_stage(&self, stage: StartStage) {
        *lock(&self.stage) = stage;
    }

    /// The start-up's database is open (or failed to open, `database.service` says why).
    pub fn opened(&self, database: OpenDatabase) {
        *lock(&self.database) = database;
        self.set_stage(StartStage::Ready);
        self.opened.send_replace(true);
        self.start_background_if_allowed();
    }

    /// Waits until the start-up's database has opened or failed to.
    pub async fn ready(&self) {
        let mut opened = self.opened.subscribe();
        // The sender lives as long as `self`, so this only ends when the value is true.
        let _ = opened.wait_for(|open| *open).await;
    }

    /// The first screen is on the window (or it took too long): start the background work.
    pub fn first_screen_shown(&self) {
        if !self.background.swap(true, Ordering::SeqCst) {
            log::info!("first screen shown; starting the background work");
        }
        self.start_background_if_allowed();
    }

    fn start_background_if_allowed(&self) {
        if !self.background.load(Ordering::SeqCst) {
            return;
        }
        let mut deliverer = lock(&self.deliverer);
        if deliverer.is_none() {
            *deliverer = deliver_outbox(&lock(&self.database));
        }
    }

    /// The service, or the error that kept the database from opening (`not_ready` while it is
    /// still opening).
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
        if let Some(old) = lock(&self.deliverer).take() {
            old.abort();
        }
        let old = std::mem::replace(&mut *lock(&self.database), database);
        if let Ok(service) = old.service {
            tauri::async_runtime::spawn(async move { service.close().await });
        }
        self.start_background_if_allowed();
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
        lock(&self.receipts).clear();
        *lock(&self.session) = Some(session);
    }

    pub fn sign_out(&self) {
        *lock(&self.session) = None;
        lock(&self.receipts).clear();
        self.set_watcher(None);
    }

    /// Keeps a registration's receipt for its dialog (the oldest goes past [`KEPT_RECEIPTS`]).
    pub fn keep_receipt(&self, receipt: Receipt) {
        let mut kept = lock(&self.receipts);
        kept.retain(|r| r.tracking_code() != receipt.tracking_code());
        if kept.len() >= KEPT_RECEIPTS {
            kept.remove(0);
        }
        kept.push(receipt);
    }

    /// The kept receipt of tracking code `code` (any digits, grouped or not).
    pub fn receipt(&self, code: &str) -> Option<Receipt> {
        let code = receipt_key(code);
        lock(&self.receipts)
            .iter()
            .find(|r| r.tracking_code() == code)
            .cloned()
    }

    pub fn forget_receipt(&self, code: &str) {
        let code = receipt_key(code);
        lock(&self.receipts).retain(|r| r.tracking_code() != code);
    }

    /// Keeps `task` as the one change watcher, stopping the one before (a reloaded page or a
    /// new sign-in starts a new one).
    pub fn set_watcher(&self, task: Option<JoinHandle<()>>) {
        if let Some(old) = std::mem::replace(&mut *lock(&self.watcher), task) {
            old.abort();
        }
    }
}

/// A tracking code as receipts keep it: its 12 ASCII digits.
fn receipt_key(code: &str) -> String {
    sanad_core::normalize::identifier(code)
        .chars()
        .filter(char::is_ascii_digit)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn commands_before_the_database_opens_answer_not_ready_and_app_status_waits() {
        let desk = Arc::new(DeskState::opening(String::from("/data/sanad.db"), false));
        assert_eq!(desk.stage(), StartStage::Starting);
        let error = desk.service().err().expect("not open yet");
        assert_eq!(error.code, "not_ready");
        assert_eq!(error.message_id, "ui-error-not-ready");
        assert_eq!(
            desk.actor().err().map(|e| e.code),
            Some(String::from("not_ready"))
        );
        assert!(desk.current().is_none());
        assert_eq!(
            desk.database_shown(),
            (String::from("/data/sanad.db"), false)
        );

        let waiting = tokio::spawn({
            let desk = Arc::clone(&desk);
            async move { desk.ready().await }
        });
        desk.set_stage(StartStage::Keychain);
        assert_eq!(desk.stage(), StartStage::Keychain);
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        assert!(
            !waiting.is_finished(),
            "ready() returned before the database opened"
        );

        desk.opened(OpenDatabase {
            service: Err(CommandError::new("storage", "error-storage")),
            shown: String::from("/data/sanad.db"),
            from_environment: false,
        });
        tokio::time::timeout(std::time::Duration::from_secs(5), waiting)
            .await
            .expect("ready() returns once the database opened")
            .expect("no panic");
        assert_eq!(desk.stage(), StartStage::Ready);
        // Opened (here: failed): the reason, no longer `not_ready`; and ready() returns at once.
        assert_eq!(
            desk.service().err().map(|e| e.code),
            Some(String::from("storage"))
        );
        desk.ready().await;
    }
}
