//! API tokens for agencies' own systems (the portal's `/api/v1`). The administrator issues a
//! token to one agency; the secret is shown once and the database keeps only its SHA-256. A
//! token authenticates as a **system agency actor**: a user row of the token's own id, role
//! `agency`, bound to the token's organization, with no usable password and a user-name key no
//! typed name can match (so nobody signs in as it, and the administrator's user screens never
//! list it). Everything the API then calls is an ordinary agency use case, authorized in the
//! service like an officer's, and what the token registers is created by and audited as it.
//!
//! Why a plain SHA-256 and not Argon2id: the secret is 256 bits from the OS's random source, so
//! there is no space to search offline (a slow hash protects a guessable password, not this),
//! while every API call checks it: a slow hash would cost each call tens of milliseconds and let
//! a flood of bad tokens take the portal's CPU. A copy of the table authenticates nobody.
//!
//! Every call is audited with the token's id (never the secret) in the same transaction that
//! counts it for the per-token rate limit (settings `portal.api_calls_per_window`, default 600,
//! in `portal.api_window_seconds`, default 60), so the limit holds across several portal
//! processes. A call with no such token, or a revoked one, is refused as not authenticated.
//!
//! Public functions: `Service::issue_portal_token`, `Service::list_portal_tokens`,
//! `Service::revoke_portal_token`, `Service::set_api_rate_limit`, `Service::api_rate_limit`,
//! `Service::api_caller`. Their SQL: `store/ops/portal_tokens.rs`,
//! `store/ops/users.rs`, `store/ops/organizations.rs`.

use rand::RngCore;
use sanad_core::jalali::format_datetime_tehran;
use sanad_core::model::Role;
use sanad_core::{validate, Error, Result};
use serde::Serialize;
use serde_json::json;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::clock::from_micros;
use crate::portal_accounts::portal_kind;
use crate::store::{on_store, AuditDraft, PortalTokenRow, UserRow};
use crate::{Actor, Service};

/// The rate limit's settings: calls per window, and the window's length in seconds.
const CALLS_KEY: &str = "portal.api_calls_per_window";
const WINDOW_KEY: &str = "portal.api_window_seconds";
/// What a token's secret starts with: lets secret scanners and people recognize one.
const SECRET_PREFIX: &str = "sanad_pt_";
/// The password hash of a token's user: not a PHC string, so no password ever verifies.
pub(crate) const TOKEN_USER_HASH: &str = "!portal-token";
/// The user-name key of a token's user starts with this; typed names are lower-cased into their
/// keys (`users::username_key`), so none can reach it.
const TOKEN_USER_KEY: &str = "TOKEN:";

/// A token just issued: its id and the secret, shown once.
#[derive(Debug, Clone, Serialize, TS)]
pub struct IssuedPortalToken {
    pub id: String,
    pub token: String,
}

/// A token as the administrator's list shows it (never the secret).
#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
pub struct PortalToken {
    pub id: String,
    pub organization_id: String,
    pub organization_name: String,
    pub label: String,
    /// Jalali date and time in Tehran, ASCII digits.
    pub created_jalali: String,
    pub revoked_jalali: Option<String>,
    pub last_used_jalali: Option<String>,
    pub revoked: bool,
}

/// The per-token rate limit: at most `calls` calls in `seconds`.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, TS)]
pub struct ApiRateLimit {
    pub calls: u32,
    pub seconds: u32,
}

/// Whether a user row is an API token's actor (kept out of the user screens).
pub(crate) fn is_token_user(row: &UserRow) -> bool {
    row.password_hash == TOKEN_USER_HASH
}

impl Service {
    /// Issues agency `organization_id` a token labelled `label`. Administrator only.
    pub async fn issue_portal_token(
        &self,
        actor: &Actor,
        organization_id: &str,
        label: &str,
    ) -> Result<IssuedPortalToken> {
        self.authorize(actor, &[Role::Admin]).await?;
        let label = validate::required_text("name", label, 100)?;
        let org_id = organization_id.trim();
        let org = match crate::requests::record_id(org_id) {
            Some(id) => on_store!(&self.store, ops, pool => ops::org_by_id(pool, id).await)?,
            None => None,
        }
        .filter(|o| portal_kind(&o.kind))
        .ok_or_else(|| Error::invalid("org", "error-portal-org-not-agency"))?;
        let id = uuid::Uuid::now_v7().to_string();
        let token = format!("{SECRET_PREFIX}{}", random_hex());
        let now = self.now_micros();
        let user = UserRow {
            id: id.clone(),
            username: format!("token:{id}"),
            display_name: label.clone(),
            role: Role::Agency.as_str().to_owned(),
            password_hash: TOKEN_USER_HASH.to_owned(),
            active: true,
            must_change_password: false,
            created_at: now,
            locked_until: None,
            organization_id: Some(org.id.clone()),
            config_version: None,
        };
        let key = format!("{TOKEN_USER_KEY}{id}");
        let hash = secret_hash(&token);
        let draft = AuditDraft {
            at: now,
            user_id: Some(actor.user_id.clone()),
            action: "portal_token.issue".to_owned(),
            entity: "portal_token".to_owned(),
            entity_id: Some(id.clone()),
            detail: json!({ "organization_id": org.id, "label": label }),
        };
        on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            if !ops::insert_user(w.tx(), &user, &key).await? {
                return Err(Error::Storage("a token's user id was taken".to_owned()));
            }
            ops::insert_portal_token(w.tx(), &id, &org.id, &label, &hash, &actor.user_id, now)
                .await?;
            w.audit(draft).await
        }).await)?;
        Ok(IssuedPortalToken { id, token })
    }

    /// Every token, revoked or not, oldest first. Administrator only.
    pub async fn list_portal_tokens(&self, actor: &Actor) -> Result<Vec<PortalToken>> {
        self.authorize(actor, &[Role::Admin]).await?;
        let rows = on_store!(&self.store, ops, pool => ops::list_portal_tokens(pool).await)?;
        Ok(rows.into_iter().map(token_view).collect())
    }

    /// Revokes token `id`: its next call is refused, and its actor is deactivated so a call in
    /// flight stops at its next check. Administrator only; a token already revoked is a
    /// conflict, an unknown id not found.
    pub async fn revoke_portal_token(&self, actor: &Actor, id: &str) -> Result<PortalToken> {
        self.authorize(actor, &[Role::Admin]).await?;
        let not_found = || Error::NotFound {
            what: "portal_token",
        };
        let id = crate::requests::record_id(id).ok_or_else(not_found)?;
        let now = self.now_micros();
        let draft = AuditDraft {
            at: now,
            user_id: Some(actor.user_id.clone()),
            action: "portal_token.revoke".to_owned(),
            entity: "portal_token".to_owned(),
            entity_id: Some(id.to_owned()),
            detail: json!({}),
        };
        let row = on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            let Some(row) = ops::portal_token_in(w.tx(), id).await? else {
                return Err(not_found());
            };
            if !ops::revoke_portal_token(w.tx(), id, now).await? {
                return Err(Error::Conflict {
                    message_id: "error-portal-token-revoked",
                });
            }
            ops::set_active(w.tx(), id, false).await?;
            w.audit(draft).await?;
            Ok(row)
        }).await)?;
        Ok(token_view(PortalTokenRow {
            revoked_at: Some(now),
            ..row
        }))
    }

    /// The actor an API call with bearer `secret` acts as. Counts and audits the call (`call`,
    /// e.g. `GET /api/v1/requests`, and the client's address) with the token's id; refuses an
    /// unknown or revoked token as not authenticated, and a token past its rate limit with when
    /// to try again.
    pub async fn api_caller(&self, secret: &str, call: &str, client: &str) -> Result<Actor> {
        crate::database_file::check_store(&self.store)?;
        let now = self.now_micros();
        let audit = |action: &str, id: Option<&str>, detail: serde_json::Value| AuditDraft {
            at: now,
            user_id: id.map(str::to_owned),
            action: action.to_owned(),
            entity: "portal_token".to_owned(),
            entity_id: id.map(str::to_owned),
            detail,
        };
        let found = if secret.starts_with(SECRET_PREFIX) && secret.len() < 200 {
            let hash = secret_hash(secret);
            on_store!(&self.store, ops, pool => ops::portal_token_by_hash(pool, &hash).await)?
        } else {
            None
        };
        let Some(token) = found.filter(|t| t.revoked_at.is_none()) else {
            // No secret, not even its hash, goes to the log: only the call and the client.
            let draft = audit(
                "api.refused",
                None,
                json!({ "call": call, "client": client }),
            );
            self.record_step(draft).await?;
            return Err(Error::AuthenticationFailed);
        };
        let limit = i64::from(self.setting_or(CALLS_KEY, 600).await?);
        let window = i64::from(self.setting_or(WINDOW_KEY, 60).await?);
        let window_from = now - window * 1_000_000;
        let id = token.id.clone();
        let calls = on_store!(&self.store, ops, pool => ops::audited_step(pool, async |w| {
            let calls = ops::count_token_call(w.tx(), &id, now, window_from).await?;
            let limited = calls.is_some_and(|c| c > limit);
            let action = match calls {
                None => "api.refused",
                Some(_) if limited => "api.limited",
                Some(_) => "api.call",
            };
            w.audit(audit(action, Some(&id), json!({ "call": call, "client": client, "token_id": id })))
                .await?;
            Ok(calls)
        }).await)?;
        match calls {
            None => Err(Error::AuthenticationFailed),
            Some(c) if c > limit => Err(Error::NotPermitted {
                message_id: "error-api-rate-limited",
                args: [("seconds".to_owned(), window.to_string())]
                    .into_iter()
                    .collect(),
            }),
            Some(_) => Ok(Actor {
                user_id: token.id.clone(),
                username: format!("token:{}", token.id),
                display_name: token.label,
                role: Role::Agency,
                must_change_password: false,
                organization_id: Some(token.organization_id),
            }),
        }
    }

    /// Sets the per-token rate limit: at most `calls` calls in `seconds` (1 to 100000 and 1 to
    /// 3600). Administrator only.
    pub async fn set_api_rate_limit(&self, actor: &Actor, calls: u32, seconds: u32) -> Result<()> {
        self.authorize(actor, &[Role::Admin]).await?;
        let range = |field: &str, value: u32, max: u32| {
            if (1..=max).contains(&value) {
                Ok(())
            } else {
                Err(Error::invalid_with(
                    field,
                    "error-policy-range",
                    &[("min", "1".to_owned()), ("max", max.to_string())],
                ))
            }
        };
        range("calls", calls, 100_000)?;
        range("seconds", seconds, 3_600)?;
        let draft = AuditDraft {
            at: self.now_micros(),
            user_id: Some(actor.user_id.clone()),
            action: "settings.api_rate_limit".to_owned(),
            entity: "settings".to_owned(),
            entity_id: Some(CALLS_KEY.to_owned()),
            detail: json!({ "calls": calls, "seconds": seconds }),
        };
        on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            ops::put_setting(w.tx(), CALLS_KEY, &calls.to_string()).await?;
            ops::put_setting(w.tx(), WINDOW_KEY, &seconds.to_string()).await?;
            w.audit(draft).await
        }).await)
    }

    /// The per-token rate limit in force (the defaults until the administrator sets one).
    /// Administrator only.
    pub async fn api_rate_limit(&self, actor: &Actor) -> Result<ApiRateLimit> {
        self.authorize(actor, &[Role::Admin]).await?;
        Ok(ApiRateLimit {
            calls: self.setting_or(CALLS_KEY, 600).await?,
            seconds: self.setting_or(WINDOW_KEY, 60).await?,
        })
    }

    /// Appends one audit entry in a transaction of its own that takes no shared lock (a refused
    /// API call must not queue behind the office's serialized writes).
    async fn record_step(&self, draft: AuditDraft) -> Result<()> {
        on_store!(&self.store, ops, pool => ops::audited_step(pool, async |w| {
            w.audit(draft).await
        }).await)
    }
}

fn token_view(row: PortalTokenRow) -> PortalToken {
    let jalali = |at: i64| format_datetime_tehran(from_micros(at));
    PortalToken {
        created_jalali: jalali(row.created_at),
        revoked_jalali: row.revoked_at.map(jalali),
        last_used_jalali: row.last_used_at.map(jalali),
        revoked: row.revoked_at.is_some(),
        id: row.id,
        organization_id: row.organization_id,
        organization_name: row.organization_name,
        label: row.label,
    }
}

/// 32 bytes from the OS's secure random source, as hex.
fn random_hex() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What the table keeps of a secret.
fn secret_hash(secret: &str) -> String {
    Sha256::digest(secret.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
