//! The directorate's signing key (issue 15, item 4): made, rotated, revoked, exported and
//! imported by the administrator; its private half in this desk's OS keychain, its public half
//! and validity in the database, published as a key set (`sanad_token::KeySet`).
//!
//! Public functions: `Service::init_signing_key`, `Service::rotate_signing_key`,
//! `Service::revoke_signing_key`, `Service::export_signing_key`, `Service::import_signing_key`,
//! `Service::published_keys`, `Service::signing_keys`. Their SQL: `store/ops/keys.rs`.

use chrono::{DateTime, Utc};
use sanad_core::jalali::JalaliDate;
use sanad_core::model::Role;
use sanad_core::{Error, Result};
use sanad_token::{KeyPair, KeySet, PublishedKey};
use serde::Serialize;
use serde_json::json;
use ts_rs::TS;

use crate::clock::from_micros;
use crate::keychain::{Keychain, SecretName};
use crate::store::{on_store, AuditDraft, SigningKeyRow};
use crate::{Actor, Service};

/// A signing key as `sanad key list` shows it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
pub struct SigningKeyView {
    pub kid: String,
    /// RFC 3339, UTC.
    pub valid_from: String,
    pub valid_until: Option<String>,
    pub revoked_from: Option<String>,
    /// The same instants in Tehran on the Jalali calendar (`1404/10/30 14:05`, ASCII digits).
    pub valid_from_jalali: String,
    pub valid_until_jalali: Option<String>,
    pub revoked_from_jalali: Option<String>,
    pub state: SigningKeyState,
    /// Whether this desk's keychain holds the private half.
    pub on_this_desk: bool,
}

/// Where a key stands: signing now, replaced by a rotation (its tokens still verify), or
/// revoked (its tokens from the revocation on no longer verify).
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, TS)]
#[serde(rename_all = "snake_case")]
pub enum SigningKeyState {
    Current,
    Rotated,
    Revoked,
}

impl Service {
    /// Makes the directorate's first signing key, or a new one when none is in use (after a
    /// revocation). Administrator only.
    pub async fn init_signing_key(&self, actor: &Actor) -> Result<String> {
        self.authorize(actor, &[Role::Admin]).await?;
        self.ensure_writable(actor).await?;
        if on_store!(&self.store, ops, pool => ops::current_signing_key(pool).await)?.is_some() {
            return Err(Error::Conflict {
                message_id: "error-key-exists",
            });
        }
        self.start_key(actor, None).await
    }

    /// Starts a new key and ends the current one's validity now: tokens it signed before still
    /// verify. Administrator only.
    pub async fn rotate_signing_key(&self, actor: &Actor) -> Result<String> {
        self.authorize(actor, &[Role::Admin]).await?;
        self.ensure_writable(actor).await?;
        let current = on_store!(&self.store, ops, pool => ops::current_signing_key(pool).await)?
            .ok_or(Error::NotFound {
                what: "signing_key",
            })?;
        self.start_key(actor, Some(current.kid)).await
    }

    /// The private half goes to the keychain first: a key the database lists but no desk holds
    /// would make every signature fail, while a keychain entry without a row is harmless.
    async fn start_key(&self, actor: &Actor, replacing: Option<String>) -> Result<String> {
        let key = KeyPair::generate();
        let kid = key.kid();
        let secret = SecretName::SigningKey(kid.clone());
        Keychain::set(&secret, &key.seed_hex()).await?;
        let now = self.now_micros();
        let row = SigningKeyRow {
            kid: kid.clone(),
            public_key: key.public().to_vec(),
            valid_from: now,
            valid_until: None,
            revoked_from: None,
            created_by: actor.user_id.clone(),
        };
        let action = if replacing.is_some() {
            "key.rotate"
        } else {
            "key.init"
        };
        let draft = AuditDraft {
            at: now,
            user_id: Some(actor.user_id.clone()),
            action: action.to_owned(),
            entity: "signing_key".to_owned(),
            entity_id: Some(kid.clone()),
            detail: json!({ "kid": kid, "replaces": replacing }),
        };
        let written = on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            let current = ops::current_signing_key_in(w.tx()).await?;
            if current.as_ref().map(|c| &c.kid) != replacing.as_ref() {
                // Another desk made or rotated a key meanwhile.
                w.roll_back();
                return Ok(false);
            }
            if let Some(old) = &replacing {
                ops::end_signing_key(w.tx(), old, now).await?;
            }
            ops::insert_signing_key(w.tx(), &row).await?;
            w.audit(draft).await?;
            Ok(true)
        }).await);
        if !matches!(written, Ok(true)) {
            // Best effort: the entry names a key no database will ever list.
            let _ = Keychain::delete(&secret).await;
        }
        match written? {
            true => Ok(kid),
            false => Err(Error::Conflict {
                message_id: "error-key-exists",
            }),
        }
    }

    /// Declares key `kid` compromised from `from` (a Jalali date, from Tehran's midnight, or an
    /// RFC 3339 time): tokens it signed from then on no longer verify. A revoked current key
    /// stops being used at once; `key init` makes the next one. Administrator only.
    pub async fn revoke_signing_key(&self, actor: &Actor, kid: &str, from: &str) -> Result<()> {
        self.authorize(actor, &[Role::Admin]).await?;
        self.ensure_writable(actor).await?;
        let from = parse_from(from)?;
        let kid = kid.trim().to_ascii_lowercase();
        let now = self.now_micros();
        let draft = AuditDraft {
            at: now,
            user_id: Some(actor.user_id.clone()),
            action: "key.revoke".to_owned(),
            entity: "signing_key".to_owned(),
            entity_id: Some(kid.clone()),
            detail: json!({ "kid": kid, "revoked_from": crate::requests::rfc3339(from) }),
        };
        on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            let key = ops::signing_key_in(w.tx(), &kid).await?
                .ok_or(Error::NotFound { what: "signing_key" })?;
            ops::revoke_signing_key(w.tx(), &key.kid, from).await?;
            if key.valid_until.is_none() {
                ops::end_signing_key(w.tx(), &key.kid, now.max(key.valid_from)).await?;
            }
            w.audit(draft).await
        }).await)
    }

    /// The current key's private half, sealed with `passphrase` (`sanad_token::seal`), for
    /// another desk to import. Administrator only; the export is audited.
    pub async fn export_signing_key(&self, actor: &Actor, passphrase: &str) -> Result<String> {
        self.authorize(actor, &[Role::Admin]).await?;
        if passphrase.chars().count() < 12 {
            return Err(Error::invalid(
                "key_passphrase",
                "error-key-passphrase-short",
            ));
        }
        let current = on_store!(&self.store, ops, pool => ops::current_signing_key(pool).await)?
            .ok_or(Error::NotFound {
                what: "signing_key",
            })?;
        let key = desk_key(&current.kid)
            .await?
            .ok_or_else(|| Error::invalid("signing_key", "error-key-not-on-desk"))?;
        let sealed = sanad_token::seal(&key, from_micros(current.valid_from), passphrase);
        let now = self.now_micros();
        let draft = AuditDraft {
            at: now,
            user_id: Some(actor.user_id.clone()),
            action: "key.export".to_owned(),
            entity: "signing_key".to_owned(),
            entity_id: Some(current.kid.clone()),
            detail: json!({ "kid": current.kid }),
        };
        on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            w.audit(draft).await
        }).await)?;
        Ok(serde_json::to_string_pretty(&sealed).unwrap_or_default())
    }

    /// Enrolls this desk to sign: opens an export file with `passphrase` and keeps its private
    /// half in this desk's keychain, once the database knows the key. Administrator only.
    pub async fn import_signing_key(
        &self,
        actor: &Actor,
        file_text: &str,
        passphrase: &str,
    ) -> Result<String> {
        self.authorize(actor, &[Role::Admin]).await?;
        let (_, key) = sanad_token::open(file_text, passphrase).map_err(|e| match e {
            sanad_token::KeyError::WrongPassphrase => {
                Error::invalid("key_passphrase", "error-key-passphrase-wrong")
            }
            _ => Error::invalid("key_file", "error-key-file"),
        })?;
        let kid = key.kid();
        let known = on_store!(&self.store, ops, pool => ops::signing_keys(pool).await)?
            .into_iter()
            .find(|k| k.kid == kid);
        match known {
            Some(row) if row.public_key == key.public() => {}
            _ => {
                return Err(Error::NotFound {
                    what: "signing_key",
                })
            }
        }
        Keychain::set(&SecretName::SigningKey(kid.clone()), &key.seed_hex()).await?;
        let draft = AuditDraft {
            at: self.now_micros(),
            user_id: Some(actor.user_id.clone()),
            action: "key.import".to_owned(),
            entity: "signing_key".to_owned(),
            entity_id: Some(kid.clone()),
            detail: json!({ "kid": kid }),
        };
        on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            w.audit(draft).await
        }).await)?;
        Ok(kid)
    }

    /// Every key and its validity (administrator, auditor).
    pub async fn signing_keys(&self, actor: &Actor) -> Result<Vec<SigningKeyView>> {
        self.authorize(actor, &[Role::Admin, Role::Auditor]).await?;
        let rows = on_store!(&self.store, ops, pool => ops::signing_keys(pool).await)?;
        let mut out = Vec::with_capacity(rows.len());
        let jalali = |at: i64| sanad_core::jalali::format_datetime_tehran(from_micros(at));
        for r in rows {
            let state = match (r.revoked_from, r.valid_until) {
                (Some(_), _) => SigningKeyState::Revoked,
                (None, Some(_)) => SigningKeyState::Rotated,
                (None, None) => SigningKeyState::Current,
            };
            out.push(SigningKeyView {
                on_this_desk: desk_key(&r.kid).await.ok().flatten().is_some(),
                valid_from_jalali: jalali(r.valid_from),
                valid_until_jalali: r.valid_until.map(jalali),
                revoked_from_jalali: r.revoked_from.map(jalali),
                state,
                valid_from: crate::requests::rfc3339(r.valid_from),
                valid_until: r.valid_until.map(crate::requests::rfc3339),
                revoked_from: r.revoked_from.map(crate::requests::rfc3339),
                kid: r.kid,
            });
        }
        Ok(out)
    }

    /// The published key set: public, asked by anyone (the portal's `/.well-known` route, a
    /// verifying desk); no actor.
    pub async fn published_keys(&self) -> Result<KeySet> {
        let rows = on_store!(&self.store, ops, pool => ops::signing_keys(pool).await)?;
        let issuer = self.load_office_profile().await?.directorate_name;
        let keys = rows
            .iter()
            .filter_map(|r| {
                let public: [u8; 32] = r.public_key.as_slice().try_into().ok()?;
                Some(PublishedKey::new(
                    &public,
                    whole_second(r.valid_from, false),
                    r.valid_until.map(|t| whole_second(t, true)),
                    r.revoked_from.map(|t| whole_second(t, false)),
                ))
            })
            .collect();
        Ok(KeySet::new(&issuer, keys))
    }

    /// The key this desk signs with now: the current key, when its private half is in this
    /// desk's keychain. A keychain that cannot be read counts as no key (logged): the slip then
    /// carries the tracking code only, and a certified copy is refused.
    pub(crate) async fn desk_signer(&self) -> Result<Option<KeyPair>> {
        let Some(current) =
            on_store!(&self.store, ops, pool => ops::current_signing_key(pool).await)?
        else {
            return Ok(None);
        };
        match desk_key(&current.kid).await {
            Ok(key) => Ok(key.filter(|k| k.public().as_slice() == current.public_key)),
            Err(e) => {
                tracing::warn!(error = %e, "the signing key could not be read from the keychain");
                Ok(None)
            }
        }
    }
}

async fn desk_key(kid: &str) -> Result<Option<KeyPair>> {
    Ok(Keychain::get(&SecretName::SigningKey(kid.to_owned()))
        .await?
        .and_then(|hex| KeyPair::from_hex(&hex)))
}

/// Validity is published in whole seconds, as tokens carry their time: a start rounded down and
/// an end of validity rounded up, so a token signed in the same second as a rotation still counts.
fn whole_second(micros: i64, up: bool) -> DateTime<Utc> {
    let secs = micros.div_euclid(1_000_000);
    let secs = if up && micros.rem_euclid(1_000_000) != 0 {
        secs + 1
    } else {
        secs
    };
    DateTime::from_timestamp(secs, 0).unwrap_or_default()
}

/// `--from`: a Jalali date (from midnight in Tehran) or an RFC 3339 time; UTC microseconds.
fn parse_from(text: &str) -> Result<i64> {
    let text = sanad_core::normalize::digits_to_ascii(text.trim());
    if let Ok(at) = DateTime::parse_from_rfc3339(&text) {
        return Ok(at.timestamp_micros());
    }
    JalaliDate::parse("from", &text)
        .map(|d| d.tehran_midnight_utc().timestamp_micros())
        .map_err(|_| Error::invalid("from", "error-key-date"))
}
