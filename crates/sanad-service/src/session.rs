//! A desk's signed-in session: who is signed in and when they were last active. The session
//! ends by itself after the account policy's idle minutes, whatever the window does, so a desk
//! left open is signed out even if its timer never fires (a suspended window, a script calling
//! the commands). The desk keeps one of these; every command asks it for the actor.
//!
//! Public: [`Service::start_session`], [`Service::permissions`], [`DeskSession::actor`],
//! [`DeskSession::is_open`], [`DeskSession::touch`].

use chrono::{DateTime, Duration, Utc};
use sanad_core::access::Permissions;
use sanad_core::Result;

use crate::{Actor, Service};

/// Who is signed in at one desk, until they sign out or stay idle too long.
#[derive(Debug, Clone)]
pub struct DeskSession {
    actor: Actor,
    idle_limit: Duration,
    last_active: DateTime<Utc>,
}

impl Service {
    /// Starts a session for `actor`, just made by [`Service::login`], under the policy in force.
    /// Someone signed in with a one-time password gets a session too: the core then refuses
    /// them everything but choosing a new password.
    pub async fn start_session(&self, actor: Actor) -> Result<DeskSession> {
        let policy = self.load_account_policy().await?;
        Ok(DeskSession {
            idle_limit: Duration::minutes(i64::from(policy.idle_minutes)),
            last_active: self.clock.now(),
            actor,
        })
    }

    /// What the signed-in role may do, for the window to show (its screens and buttons).
    pub fn permissions(&self, actor: &Actor) -> Permissions {
        Permissions::of(actor.role())
    }
}

impl DeskSession {
    /// The signed-in person, counting this as activity; `None` once the session has been idle
    /// longer than the policy allows (the desk then signs out).
    pub fn actor(&mut self, service: &Service) -> Option<Actor> {
        if !self.is_open(service) {
            return None;
        }
        self.last_active = service.clock.now();
        Some(self.actor.clone())
    }

    /// Whether the session is still open, without counting as activity.
    pub fn is_open(&self, service: &Service) -> bool {
        service.clock.now() - self.last_active <= self.idle_limit
    }

    /// Activity seen by the window (typing, pointing) that made no call: keeps the session open.
    pub fn touch(&mut self, service: &Service) -> bool {
        self.actor(service).is_some()
    }

    /// The policy's idle minutes, for the window's own timer.
    pub fn idle_minutes(&self) -> u32 {
        u32::try_from(self.idle_limit.num_minutes()).unwrap_or(u32::MAX)
    }

    /// Who it is, without counting as activity (for showing the session after a reload).
    pub fn who(&self) -> &Actor {
        &self.actor
    }
}
