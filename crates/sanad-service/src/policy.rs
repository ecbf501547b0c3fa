//! The office's account policy: password length, lockout after failed sign-ins, and how long an
//! idle desk stays signed in. Kept in settings so the administrator can tune it.
//!
//! Public functions: `Service::account_policy`, `Service::set_account_policy`. Their SQL:
//! `store/ops/audit.rs`, `store/ops/settings.rs`.

use sanad_core::model::Role;
use sanad_core::{Error, Result};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::store::{on_store, AuditDraft};
use crate::{Actor, Service};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct AccountPolicy {
    pub min_password_chars: u32,
    /// Failed sign-ins in a row that lock an account.
    pub lockout_attempts: u32,
    pub lockout_minutes: u32,
    /// The desktop app returns to the sign-in screen after this long without input.
    pub idle_minutes: u32,
}

impl Default for AccountPolicy {
    fn default() -> Self {
        AccountPolicy {
            min_password_chars: 10,
            lockout_attempts: 5,
            lockout_minutes: 15,
            idle_minutes: 15,
        }
    }
}

const KEYS: [&str; 4] = [
    "accounts.min_password_chars",
    "accounts.lockout_attempts",
    "accounts.lockout_minutes",
    "accounts.idle_minutes",
];

impl AccountPolicy {
    fn values(&self) -> [u32; 4] {
        [
            self.min_password_chars,
            self.lockout_attempts,
            self.lockout_minutes,
            self.idle_minutes,
        ]
    }

    fn check(&self) -> Result<()> {
        let ranges = [(10, 128), (1, 100), (1, 24 * 60), (1, 24 * 60)];
        for ((key, value), (lo, hi)) in KEYS.iter().zip(self.values()).zip(ranges) {
            if !(lo..=hi).contains(&value) {
                let field = key.trim_start_matches("accounts.");
                return Err(Error::invalid_with(
                    field,
                    "error-policy-range",
                    &[("min", lo.to_string()), ("max", hi.to_string())],
                ));
            }
        }
        Ok(())
    }
}

impl Service {
    /// The policy in force, for anyone signed in (the desk reads its idle minutes; the
    /// administrator's policy screen shows it).
    pub async fn account_policy(&self, actor: &Actor) -> Result<AccountPolicy> {
        self.authorize(actor, crate::service::ANY_ROLE).await?;
        self.load_account_policy().await
    }

    /// The policy in force (defaults where the administrator set nothing), for the service's own
    /// checks at sign-in and password changes, before anyone is signed in.
    pub(crate) async fn load_account_policy(&self) -> Result<AccountPolicy> {
        let mut values = AccountPolicy::default().values();
        for (key, value) in KEYS.iter().zip(values.iter_mut()) {
            let stored = on_store!(&self.store, ops, pool => ops::setting(pool, key).await)?;
            if let Some(v) = stored.and_then(|s| s.parse().ok()) {
                *value = v;
            }
        }
        let [min_password_chars, lockout_attempts, lockout_minutes, idle_minutes] = values;
        Ok(AccountPolicy {
            min_password_chars,
            lockout_attempts,
            lockout_minutes,
            idle_minutes,
        })
    }

    /// Changes the policy and answers the one now in force. Administrator only; recorded in
    /// the audit log.
    pub async fn set_account_policy(
        &self,
        actor: &Actor,
        policy: AccountPolicy,
    ) -> Result<AccountPolicy> {
        self.write_account_policy(actor, policy).await?;
        self.load_account_policy().await
    }

    async fn write_account_policy(&self, actor: &Actor, policy: AccountPolicy) -> Result<()> {
        self.authorize(actor, &[Role::Admin]).await?;
        policy.check()?;
        let draft = AuditDraft {
            at: self.now_micros(),
            user_id: Some(actor.user_id.clone()),
            action: "settings.account_policy".to_owned(),
            entity: "settings".to_owned(),
            entity_id: None,
            detail: json!(policy),
        };
        on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            for (key, value) in KEYS.iter().zip(policy.values()) {
                ops::put_setting(w.tx(), key, &value.to_string()).await?;
            }
            w.audit(draft).await
        }).await)
    }
}
