//! Agency officers' sessions on the portal. The cookie holds a random id (256 bits from the OS);
//! the database holds only its SHA-256, so a copy of the table (a backup, a read-only login)
//! signs nobody in, and any portal process serving the office can check it. A new id is made at
//! every sign-in and never taken from the browser (no session fixation). A session ends at
//! sign-out, after the idle minutes without a request, and at its absolute age, both from
//! settings (`portal.session_idle_minutes`, `portal.session_hours`). Each session has its own
//! CSRF token, which every form it posts must carry.
//!
//! Public functions: `Service::open_portal_session`, `Service::portal_session`,
//! `Service::close_portal_session`, `Service::portal_timeouts`. Their SQL: `store/ops/portal.rs`,
//! `store/ops/users.rs`.

use rand::RngCore;
use sanad_core::model::Role;
use sanad_core::Result;
use serde::Serialize;
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::store::{on_store, AuditDraft, PortalSessionRow};
use crate::{Actor, Service};

const MINUTE: i64 = 60 * 1_000_000;
/// A session's last use is written at most this often: every page would otherwise be a write.
const TOUCH_EVERY: i64 = MINUTE;

/// A session just opened: the cookie's value (shown once, never stored) and its CSRF token.
#[derive(Debug, Clone)]
pub struct OpenedPortalSession {
    pub token: String,
    pub csrf_token: String,
    pub actor: Actor,
}

/// A session found by its cookie: who it is and the token its forms carry.
#[derive(Debug, Clone)]
pub struct PortalSession {
    pub csrf_token: String,
    pub actor: Actor,
}

/// How long portal sessions live.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PortalTimeouts {
    pub idle_minutes: u32,
    pub session_hours: u32,
}

impl Service {
    /// Signs an agency officer in ([`Service::portal_login`]) and opens a new session for them.
    pub async fn open_portal_session(
        &self,
        username: &str,
        password: &str,
    ) -> Result<OpenedPortalSession> {
        let actor = self.portal_login(username, password).await?;
        let token = random_hex();
        let csrf_token = random_hex();
        let now = self.now_micros();
        let row = PortalSessionRow {
            id_hash: token_hash(&token),
            user_id: actor.user_id.clone(),
            csrf_token: csrf_token.clone(),
            created_at: now,
            last_seen_at: now,
        };
        let draft = AuditDraft {
            at: now,
            user_id: Some(actor.user_id.clone()),
            action: "portal.session_open".to_owned(),
            entity: "user".to_owned(),
            entity_id: Some(actor.user_id.clone()),
            detail: json!({}),
        };
        on_store!(&self.store, ops, pool => ops::audited_step(pool, async |w| {
            ops::insert_portal_session(w.tx(), &row).await?;
            w.audit(draft).await
        }).await)?;
        Ok(OpenedPortalSession {
            token,
            csrf_token,
            actor,
        })
    }

    /// The session a cookie names, if it is still open and its account still an active agency
    /// officer; `None` otherwise (the portal then asks to sign in). Counts as activity.
    pub async fn portal_session(&self, token: &str) -> Result<Option<PortalSession>> {
        let id_hash = token_hash(token);
        let Some(row) =
            on_store!(&self.store, ops, pool => ops::portal_session(pool, &id_hash).await)?
        else {
            return Ok(None);
        };
        let timeouts = self.portal_timeouts().await?;
        let now = self.now_micros();
        let idle = now - row.last_seen_at > i64::from(timeouts.idle_minutes) * MINUTE;
        let old = now - row.created_at > i64::from(timeouts.session_hours) * 60 * MINUTE;
        let user = on_store!(&self.store, ops, pool => ops::actor_row(pool, &row.user_id).await)?;
        let user = user.filter(|u| u.active && u.role == Role::Agency.as_str());
        let (Some(user), false, false) = (user, idle, old) else {
            on_store!(&self.store, ops, pool => ops::audited_step(pool, async |w| {
                ops::delete_portal_session(w.tx(), &id_hash).await.map(|_| ())
            }).await)?;
            return Ok(None);
        };
        self.cache.observe(user.config_version.as_deref());
        if now - row.last_seen_at >= TOUCH_EVERY {
            on_store!(&self.store, ops, pool => ops::audited_step(pool, async |w| {
                ops::touch_portal_session(w.tx(), &id_hash, now).await
            }).await)?;
        }
        Ok(Some(PortalSession {
            csrf_token: row.csrf_token,
            actor: Actor {
                user_id: user.id,
                username: user.username,
                display_name: user.display_name,
                role: Role::Agency,
                must_change_password: user.must_change_password,
                organization_id: user.organization_id,
            },
        }))
    }

    /// Ends the session a cookie names (sign-out). Ending one already gone is harmless.
    pub async fn close_portal_session(&self, token: &str) -> Result<()> {
        let id_hash = token_hash(token);
        let now = self.now_micros();
        on_store!(&self.store, ops, pool => ops::audited_step(pool, async |w| {
            let Some(row) = ops::portal_session_in(w.tx(), &id_hash).await? else {
                return Ok(());
            };
            ops::delete_portal_session(w.tx(), &id_hash).await?;
            w.audit(AuditDraft {
                at: now,
                user_id: Some(row.user_id.clone()),
                action: "portal.session_close".to_owned(),
                entity: "user".to_owned(),
                entity_id: Some(row.user_id),
                detail: json!({}),
            }).await
        }).await)
    }

    /// The portal's session timeouts (settings, or the defaults: 30 idle minutes, 12 hours).
    pub async fn portal_timeouts(&self) -> Result<PortalTimeouts> {
        Ok(PortalTimeouts {
            idle_minutes: self.setting_or("portal.session_idle_minutes", 30).await?,
            session_hours: self.setting_or("portal.session_hours", 12).await?,
        })
    }

    /// A numeric setting, or `default` when unset or unreadable.
    pub(crate) async fn setting_or(&self, key: &str, default: u32) -> Result<u32> {
        Ok(self
            .cached_setting(key)
            .await?
            .and_then(|v| v.parse().ok())
            .filter(|v| *v > 0)
            .unwrap_or(default))
    }
}

/// 32 bytes from the OS's secure random source, as hex.
fn random_hex() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What the table keeps of a cookie's id. A plain SHA-256 is enough: the id is 256 random
/// bits, so there is nothing to search for offline.
fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
