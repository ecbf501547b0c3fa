//! Accounts: the first administrator, sign-in, and users added by the administrator.
//! Passwords are stored only as Argon2id hashes.
//!
//! Public functions: `Service::init_admin`, `Service::login`, `Service::reset_password`,
//! `Service::change_password`, `Service::set_user_active`, `Service::add_user`,
//! `Service::list_users`. Their SQL: `store/ops/audit.rs`, `store/ops/users.rs`.

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use sanad_core::model::Role;
use sanad_core::{normalize, validate, Error, Result};
use serde_json::json;

use crate::models::{InitOutcome, NewUser, User};
use crate::store::{on_store, AuditDraft, UserRow};
use crate::{Actor, Service};

impl Service {
    /// Creates the first administrator when the database has no users. Running it again with the
    /// same user name is harmless; with another name it is refused (one first administrator).
    pub async fn init_admin(
        &self,
        username: &str,
        display_name: &str,
        password: &str,
    ) -> Result<InitOutcome> {
        let (username, key) = check_username(username)?;
        let count = on_store!(&self.store, ops, pool => ops::user_count(pool).await)?;
        if count > 0 {
            let existing = on_store!(&self.store, ops, pool => ops::user_by_key(pool, &key).await)?;
            return match existing {
                Some(u) if u.role == Role::Admin.as_str() => Ok(InitOutcome::AlreadyInitialized),
                _ => Err(Error::not_permitted("error-already-initialized")),
            };
        }
        let display_name = validate::required_text("display_name", display_name, 100)?;
        self.check_password(&username, password).await?;
        let row = UserRow {
            id: uuid::Uuid::now_v7().to_string(),
            username,
            display_name,
            role: Role::Admin.as_str().to_owned(),
            password_hash: hash_password(password)?,
            active: true,
            must_change_password: false,
            created_at: self.now_micros(),
            locked_until: None,
            organization_id: None,
            config_version: None,
        };
        let at = row.created_at;
        let created = on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            // Re-check inside the write lock: two desks initializing at once create one admin.
            if ops::user_count_in(w.tx()).await? > 0 {
                w.roll_back();
                return Ok(None);
            }
            let inserted = ops::insert_user(w.tx(), &row, &key).await?;
            w.audit(AuditDraft {
                at,
                user_id: Some(row.id.clone()),
                action: "user.init_admin".to_owned(),
                entity: "user".to_owned(),
                entity_id: Some(row.id.clone()),
                detail: json!({ "username": row.username }),
            }).await?;
            Ok(Some(inserted))
        }).await)?;
        Ok(if created == Some(true) {
            InitOutcome::Created
        } else {
            InitOutcome::AlreadyInitialized
        })
    }

    /// Signs a user in at a desk or on the command line. A wrong name, a wrong password and a
    /// deactivated account all give the same error, so the answer does not tell which user names
    /// exist. After too many failures in a row the account is locked for a while (the policy's
    /// numbers), and the user is told until when. Agency officers are refused here: they sign in
    /// on the portal only ([`Service::portal_login`]).
    pub async fn login(&self, username: &str, password: &str) -> Result<Actor> {
        self.sign_in(username, password, FrontEnd::Desk).await
    }

    /// [`Service::login`] for `front`: an account whose role does not belong there gets the
    /// answer a wrong password gets (after the same work), so neither front end tells which
    /// accounts are the other's.
    pub(crate) async fn sign_in(
        &self,
        username: &str,
        password: &str,
        front: FrontEnd,
    ) -> Result<Actor> {
        let key = username_key(username);
        let user = on_store!(&self.store, ops, pool => ops::user_by_key(pool, &key).await)?;
        let Some(user) = user else {
            // Spend the same time as a real check.
            let _ = verify_password(dummy_hash(), password);
            return Err(Error::AuthenticationFailed);
        };
        let now = self.now_micros();
        if let Some(until) = user.locked_until.filter(|u| *u > now) {
            self.record(user_event(&user, "user.login_locked", now, json!({})))
                .await?;
            return Err(locked_until(until));
        }
        let verified = verify_password(&user.password_hash, password);
        let role = Role::parse("role", &user.role)?;
        if verified && user.active && !front.admits(role) {
            self.record(user_event(
                &user,
                "user.login_wrong_front_end",
                now,
                json!({}),
            ))
            .await?;
            return Err(Error::AuthenticationFailed);
        }
        if verified && user.active {
            on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
                ops::set_lock(w.tx(), &user.id, None).await?;
                w.audit(user_event(&user, "user.login", now, json!({}))).await
            }).await)?;
            return Ok(Actor {
                user_id: user.id,
                username: user.username,
                display_name: user.display_name,
                role,
                must_change_password: user.must_change_password,
                organization_id: user.organization_id,
            });
        }
        let policy = self.load_account_policy().await?;
        let lock_at = i64::from(policy.lockout_attempts);
        let until = now + i64::from(policy.lockout_minutes) * 60 * 1_000_000;
        let locked = on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            let failures = ops::count_login_failure(w.tx(), &user.id).await?;
            let locked = failures >= lock_at;
            let detail = json!({ "failures": failures, "active": user.active });
            w.audit(user_event(&user, "user.login_failed", now, detail)).await?;
            if locked {
                ops::set_lock(w.tx(), &user.id, Some(until)).await?;
                let detail = json!({ "until": until });
                w.audit(user_event(&user, "user.lockout", now, detail)).await?;
            }
            Ok(locked)
        }).await)?;
        if locked {
            return Err(locked_until(until));
        }
        Err(Error::AuthenticationFailed)
    }

    /// Issues a one-time password for a user who forgot theirs (the administrator's alone: there
    /// is no self-service reset). It is returned once, never stored in clear, and must be changed
    /// at the next sign-in. A lockout is lifted with it.
    pub async fn reset_password(&self, actor: &Actor, username: &str) -> Result<String> {
        self.authorize(actor, &[Role::Admin]).await?;
        let user = self.user_named(username).await?;
        let one_time = one_time_password();
        let hash = hash_password(&one_time)?;
        let draft = AuditDraft {
            at: self.now_micros(),
            user_id: Some(actor.user_id.clone()),
            action: "user.password_reset".to_owned(),
            entity: "user".to_owned(),
            entity_id: Some(user.id.clone()),
            detail: json!({ "username": user.username }),
        };
        on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            ops::set_password(w.tx(), &user.id, &hash, true).await?;
            w.audit(draft).await
        }).await)?;
        Ok(one_time)
    }

    /// Changes the signed-in user's own password. The only thing a user holding a one-time
    /// password may do.
    pub async fn change_password(&self, actor: &Actor, current: &str, new: &str) -> Result<()> {
        let user = self.authorize_user(actor, Role::ALL, true).await?;
        self.ensure_writable(actor).await?;
        if !verify_password(&user.password_hash, current) {
            return Err(Error::invalid(
                "current_password",
                "error-current-password-wrong",
            ));
        }
        self.check_password(&user.username, new).await?;
        if new == current {
            return Err(Error::invalid("password", "error-password-unchanged"));
        }
        let hash = hash_password(new)?;
        let now = self.now_micros();
        on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            ops::set_password(w.tx(), &user.id, &hash, false).await?;
            w.audit(user_event(&user, "user.password_change", now, json!({}))).await
        }).await)?;
        Ok(())
    }

    /// Deactivates (`active = false`) or reactivates a user. Users are never deleted: the
    /// history keeps their names. Administrator only, and not on their own account.
    pub async fn set_user_active(
        &self,
        actor: &Actor,
        username: &str,
        active: bool,
    ) -> Result<User> {
        self.authorize(actor, &[Role::Admin]).await?;
        let user = self.user_named(username).await?;
        if user.id == actor.user_id {
            return Err(Error::not_permitted("error-cannot-deactivate-self"));
        }
        let draft = AuditDraft {
            at: self.now_micros(),
            user_id: Some(actor.user_id.clone()),
            action: if active {
                "user.activate"
            } else {
                "user.deactivate"
            }
            .to_owned(),
            entity: "user".to_owned(),
            entity_id: Some(user.id.clone()),
            detail: json!({ "username": user.username }),
        };
        on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            ops::set_active(w.tx(), &user.id, active).await?;
            w.audit(draft).await
        }).await)?;
        Ok(User {
            active,
            ..user_view(user)
        })
    }

    pub(crate) async fn user_named(&self, username: &str) -> Result<UserRow> {
        let key = username_key(username);
        on_store!(&self.store, ops, pool => ops::user_by_key(pool, &key).await)?
            .ok_or(Error::NotFound { what: "user" })
    }

    /// The policy's password rules: long enough, and not the user name.
    pub(crate) async fn check_password(&self, username: &str, password: &str) -> Result<()> {
        let policy = self.load_account_policy().await?;
        if password.chars().count() < policy.min_password_chars as usize {
            return Err(Error::invalid_with(
                "password",
                "error-password-too-short",
                &[("min", policy.min_password_chars.to_string())],
            ));
        }
        if username_key(password) == username_key(username) {
            return Err(Error::invalid("password", "error-password-is-username"));
        }
        Ok(())
    }

    /// Adds a user. Administrator only.
    pub async fn add_user(&self, actor: &Actor, new: NewUser) -> Result<User> {
        self.authorize(actor, &[Role::Admin]).await?;
        let (username, key) = check_username(&new.username)?;
        let display_name = validate::required_text("display_name", &new.display_name, 100)?;
        let role = Role::parse("role", &new.role)?;
        if !sanad_core::access::STAFF.contains(&role) {
            // An agency officer belongs to an organization: `Service::add_agency_user`.
            return Err(Error::invalid("role", "error-role-needs-organization"));
        }
        self.check_password(&username, &new.password).await?;
        let row = UserRow {
            id: uuid::Uuid::now_v7().to_string(),
            username,
            display_name,
            role: role.as_str().to_owned(),
            password_hash: hash_password(&new.password)?,
            active: true,
            must_change_password: false,
            created_at: self.now_micros(),
            locked_until: None,
            organization_id: None,
            config_version: None,
        };
        let draft = AuditDraft {
            at: row.created_at,
            user_id: Some(actor.user_id.clone()),
            action: "user.add".to_owned(),
            entity: "user".to_owned(),
            entity_id: Some(row.id.clone()),
            detail: json!({ "username": row.username, "role": row.role }),
        };
        let inserted = on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            let inserted = ops::insert_user(w.tx(), &row, &key).await?;
            if inserted {
                w.audit(draft).await?;
            } else {
                w.roll_back();
            }
            Ok(inserted)
        }).await)?;
        if !inserted {
            return Err(Error::invalid("username", "error-username-taken"));
        }
        Ok(user_view(row))
    }

    /// Every user, active or not. Administrator and auditor.
    pub async fn list_users(&self, actor: &Actor) -> Result<Vec<User>> {
        self.authorize(actor, &[Role::Admin, Role::Auditor]).await?;
        let rows = on_store!(&self.store, ops, pool => ops::list_users(pool).await)?;
        // API tokens' actors are the token list's (`portal_tokens.rs`), not people.
        Ok(rows
            .into_iter()
            .filter(|r| !crate::portal_tokens::is_token_user(r))
            .map(user_view)
            .collect())
    }

    /// Appends one audit entry in a transaction of its own.
    pub(crate) async fn record(&self, draft: AuditDraft) -> Result<()> {
        on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            w.audit(draft).await
        }).await)
    }
}

/// Where someone signs in: which roles each front end admits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FrontEnd {
    /// A registry desk or the `sanad` command line: staff only.
    Desk,
    /// The web portal: agency officers only.
    Portal,
}

impl FrontEnd {
    fn admits(self, role: Role) -> bool {
        match self {
            FrontEnd::Desk => sanad_core::access::STAFF.contains(&role),
            FrontEnd::Portal => sanad_core::access::USES_PORTAL.contains(&role),
        }
    }
}

pub(crate) fn user_view(row: UserRow) -> User {
    User {
        role: Role::parse("role", &row.role).unwrap_or(Role::Auditor),
        id: row.id,
        username: row.username,
        display_name: row.display_name,
        active: row.active,
        must_change_password: row.must_change_password,
    }
}

/// The key user names are unique by: case-insensitive, after Persian normalization
/// (so «علي» and «علی» are the same user).
pub(crate) fn username_key(username: &str) -> String {
    normalize::search_key(username)
}

pub(crate) fn check_username(input: &str) -> Result<(String, String)> {
    let name = normalize::text(input);
    let ok_chars = name
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '\u{200C}'));
    let len = name.chars().count();
    if !ok_chars || !(3..=40).contains(&len) {
        return Err(Error::invalid("username", "error-username-format"));
    }
    let key = username_key(&name);
    Ok((name, key))
}

pub(crate) fn hash_password(password: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| Error::Storage(format!("password hashing failed: {e}")))
}

fn verify_password(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// The hash of a random password nobody knows, so an unknown user name costs as much time as a
/// wrong password.
fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| {
        let random = SaltString::generate(&mut OsRng);
        hash_password(random.as_str()).unwrap_or_default()
    })
}

pub(crate) fn user_event(
    user: &UserRow,
    action: &str,
    at: i64,
    detail: serde_json::Value,
) -> AuditDraft {
    AuditDraft {
        at,
        user_id: Some(user.id.clone()),
        action: action.to_owned(),
        entity: "user".to_owned(),
        entity_id: Some(user.id.clone()),
        detail,
    }
}

fn locked_until(until: i64) -> Error {
    Error::NotPermitted {
        message_id: "error-account-locked",
        args: [(
            "until".to_owned(),
            sanad_core::jalali::format_datetime_tehran(crate::clock::from_micros(until)),
        )]
        .into_iter()
        .collect(),
    }
}

/// 12 characters from an alphabet without look-alikes (no 0/O, 1/l/I), from the OS's secure
/// random source: easy to read out over the phone, about 70 bits.
pub(crate) fn one_time_password() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    let mut rng = rand::rngs::OsRng;
    (0..12)
        .map(|_| char::from(ALPHABET[rng.gen_range(0..ALPHABET.len())]))
        .collect()
}
