//! What the application holds for the lifetime of the process: the one service API, where the
//! data is, and who is signed in at this desk.

use std::sync::Mutex;

use sanad_service::{Actor, Service};

use crate::error::CommandError;

pub struct DeskState {
    /// The open service, or why the database could not be opened (shown by the window).
    service: Result<Service, CommandError>,
    /// Where the data is, for the settings screen (a file path; never a PostgreSQL password).
    pub database: String,
    session: Mutex<Option<Actor>>,
}

impl DeskState {
    pub fn new(service: Result<Service, CommandError>, database: String) -> Self {
        DeskState {
            service,
            database,
            session: Mutex::new(None),
        }
    }

    /// The service, or the error that kept the database from opening.
    pub fn service(&self) -> Result<&Service, CommandError> {
        self.service.as_ref().map_err(Clone::clone)
    }

    /// The signed-in user, or `not_signed_in`. The core re-checks the actor on every call.
    pub fn actor(&self) -> Result<Actor, CommandError> {
        self.current().ok_or_else(CommandError::not_signed_in)
    }

    pub fn current(&self) -> Option<Actor> {
        self.slot().clone()
    }

    pub fn sign_in(&self, actor: Actor) {
        *self.slot() = Some(actor);
    }

    pub fn sign_out(&self) {
        *self.slot() = None;
    }

    /// The session slot. A panic while it was held cannot leave it half-written (it is one
    /// assignment), so a poisoned lock is taken as is.
    fn slot(&self) -> std::sync::MutexGuard<'_, Option<Actor>> {
        self.session
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}
