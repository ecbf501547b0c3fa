//! Backups: every table dumped as data, encrypted with AES-256-GCM under a key derived from a
//! passphrase (Argon2id), or a backup key kept in the OS keychain. A backup restores into an
//! empty database of either kind, so an embedded desk can move to the office server this way.
//!
//! Public functions: `Service::backup`, `Service::restore`. Their SQL: `store/ops/audit.rs`,
//! `store/ops/backup.rs`, `store/ops/users.rs`.

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use rand::RngCore;
use sanad_core::model::Role;
use sanad_core::{Error, Result};
use serde_json::{json, Map, Value};

use crate::audit::{AuditReport, ChainCheck};
use crate::keychain::{Keychain, SecretName};
use crate::store::{on_store, AuditDraft, AuditRow, ColumnKind, RestoredTable, StoredValue};
use crate::{Actor, Service};

const MAGIC: &[u8; 8] = b"SANADBK1";
const FORMAT: u64 = 1;

use ColumnKind::*;

/// A column and how it is stored.
type Column = (&'static str, ColumnKind);
/// A table, the columns it is ordered by, and its columns.
type Table = (&'static str, &'static str, &'static [Column]);

/// Every table and column, in an order that satisfies foreign keys. A test compares this list
/// with the migrated schema, so a new column cannot be left out of backups unnoticed.
const TABLES: &[Table] = &[
    (
        "organizations",
        "id",
        &[
            ("id", Text),
            ("name", Text),
            ("name_key", Text),
            ("kind", Text),
            ("national_id", Text),
            ("created_at", Int),
            ("email", Text),
        ],
    ),
    (
        "users",
        "id",
        &[
            ("id", Text),
            ("username", Text),
            ("username_key", Text),
            ("display_name", Text),
            ("role", Text),
            ("password_hash", Text),
            ("active", Bool),
            ("must_change_password", Bool),
            ("created_at", Int),
            ("failed_logins", Int),
            ("locked_until", Int),
            ("organization_id", Text),
        ],
    ),
    (
        "documents",
        "id",
        &[
            ("id", Text),
            ("registry_number", Text),
            ("title", Text),
            ("title_key", Text),
            ("property_plate", Text),
            ("location", Text),
            ("in_repository", Bool),
            ("out_request_id", Text),
            ("created_at", Int),
            ("organization_id", Text),
        ],
    ),
    (
        "tracking_codes",
        "code",
        &[("code", Text), ("kind", Text), ("created_at", Int)],
    ),
    (
        "requests",
        "id",
        &[
            ("id", Text),
            ("tracking_code", Text),
            ("requesting_org_id", Text),
            ("destination_org_id", Text),
            ("needs_ministry", Bool),
            ("dispatch_mode", Text),
            ("return_due", Text),
            ("applicant_name", Text),
            ("applicant_national_code", Text),
            ("applicant_mobile", Text),
            ("letter_number", Text),
            ("letter_number_key", Text),
            ("letter_date", Text),
            ("purpose", Text),
            ("priority", Text),
            ("status", Text),
            ("version", Int),
            ("status_since", Int),
            ("deadline_at", Int),
            ("search_key", Text),
            ("created_by", Text),
            ("created_at", Int),
            ("updated_at", Int),
            ("idempotency_key", Text),
            ("applicant_email", Text),
            ("channel", Text),
            ("tracking_pin_hash", Text),
        ],
    ),
    (
        "request_documents",
        "request_id, document_id",
        &[
            ("request_id", Text),
            ("document_id", Text),
            ("position", Int),
        ],
    ),
    (
        "delegations",
        "id",
        &[
            ("id", Text),
            ("from_user_id", Text),
            ("to_user_id", Text),
            ("role", Text),
            ("starts_at", Int),
            ("ends_at", Int),
            ("order_number", Text),
            ("note", Text),
            ("created_by", Text),
            ("created_at", Int),
            ("ended_at", Int),
            ("ended_by", Text),
        ],
    ),
    (
        "transitions",
        "id",
        &[
            ("id", Text),
            ("request_id", Text),
            ("seq", Int),
            ("action", Text),
            ("from_status", Text),
            ("to_status", Text),
            ("user_id", Text),
            ("role", Text),
            ("at", Int),
            ("note", Text),
            ("acting_for", Text),
            ("delegation_id", Text),
        ],
    ),
    (
        "slip_prints",
        "id",
        &[
            ("id", Text),
            ("request_id", Text),
            ("copy", Int),
            ("paper", Text),
            ("printer", Text),
            ("printed_by", Text),
            ("printed_at", Int),
        ],
    ),
    (
        "office_profile",
        "id",
        &[("id", Int), ("directorate_name", Text), ("logo_png", Bytes)],
    ),
    (
        "complaints",
        "id",
        &[
            ("id", Text),
            ("tracking_code", Text),
            ("kind", Text),
            ("person_name", Text),
            ("mobile", Text),
            ("email", Text),
            ("body", Text),
            ("request_id", Text),
            ("status", Text),
            ("version", Int),
            ("assigned_to", Text),
            ("answer", Text),
            ("status_since", Int),
            ("deadline_at", Int),
            ("created_by", Text),
            ("created_at", Int),
            ("updated_at", Int),
            ("tracking_pin_hash", Text),
        ],
    ),
    (
        "complaint_history",
        "id",
        &[
            ("id", Text),
            ("complaint_id", Text),
            ("seq", Int),
            ("action", Text),
            ("from_status", Text),
            ("to_status", Text),
            ("user_id", Text),
            ("role", Text),
            ("at", Int),
            ("note", Text),
        ],
    ),
    (
        "outbox",
        "id",
        &[
            ("id", Text),
            ("channel", Text),
            ("recipient", Text),
            ("subject", Text),
            ("body", Text),
            ("entity", Text),
            ("entity_id", Text),
            ("event", Text),
            ("state", Text),
            ("attempts", Int),
            ("next_attempt_at", Int),
            ("last_error", Text),
            ("created_at", Int),
            ("sent_at", Int),
            ("attachment_file_id", Text),
            ("body_after_sending", Text),
        ],
    ),
    (
        "notices",
        "id",
        &[
            ("id", Text),
            ("kind", Text),
            ("body", Text),
            ("starts_at", Int),
            ("ends_at", Int),
            ("read_only", Bool),
            ("created_by", Text),
            ("created_at", Int),
            ("cancelled_at", Int),
        ],
    ),
    (
        "holidays",
        "day",
        &[
            ("day", Text),
            ("title", Text),
            ("created_at", Int),
            ("estimated", Bool),
        ],
    ),
    (
        "holiday_years",
        "year",
        &[("year", Int), ("computed_at", Int)],
    ),
    (
        "holidays_removed",
        "day",
        &[("day", Text), ("removed_at", Int)],
    ),
    ("settings", "key", &[("key", Text), ("value", Text)]),
    (
        "stored_files",
        "id",
        &[
            ("id", Text),
            ("kind", Text),
            ("size_bytes", Int),
            ("pages", Int),
            ("sha256", Text),
            ("original_name", Text),
            ("content", Bytes),
            ("added_by", Text),
            ("added_at", Int),
        ],
    ),
    (
        "document_scans",
        "document_id, version",
        &[
            ("document_id", Text),
            ("version", Int),
            ("file_id", Text),
            ("title", Text),
        ],
    ),
    (
        "request_files",
        "request_id, position",
        &[
            ("request_id", Text),
            ("position", Int),
            ("purpose", Text),
            ("file_id", Text),
            ("title", Text),
        ],
    ),
    (
        "signing_keys",
        "kid",
        &[
            ("kid", Text),
            ("public_key", Bytes),
            ("valid_from", Int),
            ("valid_until", Int),
            ("revoked_from", Int),
            ("created_by", Text),
        ],
    ),
    (
        "ecopies",
        "issued_at, id",
        &[
            ("id", Text),
            ("request_id", Text),
            ("file_id", Text),
            ("sha256", Text),
            ("token", Text),
            ("issued_by", Text),
            ("issued_at", Int),
            ("superseded_by", Text),
        ],
    ),
    (
        "audit_log",
        "seq",
        &[
            ("seq", Int),
            ("at", Int),
            ("user_id", Text),
            ("action", Text),
            ("entity", Text),
            ("entity_id", Text),
            ("detail", Text),
            ("prev_hash", Text),
            ("hash", Text),
            ("pending_id", Int),
        ],
    ),
    (
        "portal_sessions",
        "id_hash",
        &[
            ("id_hash", Text),
            ("user_id", Text),
            ("csrf_token", Text),
            ("created_at", Int),
            ("last_seen_at", Int),
        ],
    ),
    (
        "receipt_pins",
        "user_id, idempotency_key",
        &[
            ("user_id", Text),
            ("idempotency_key", Text),
            ("tracking_code", Text),
            ("pin", Text),
            ("expires_at", Int),
        ],
    ),
    (
        "track_failures",
        "scope_key",
        &[
            ("scope_key", Text),
            ("failures", Int),
            ("window_start", Int),
            ("locked_until", Int),
        ],
    ),
    (
        "portal_tokens",
        "id",
        &[
            ("id", Text),
            ("organization_id", Text),
            ("label", Text),
            ("token_hash", Text),
            ("created_by", Text),
            ("created_at", Int),
            ("revoked_at", Int),
            ("last_used_at", Int),
            ("window_start", Int),
            ("window_calls", Int),
        ],
    ),
];

/// Tables that migrations fill with shipped rows: a restore replaces those rows.
const SEEDED: &[&str] = &["holidays", "holiday_years", "holidays_removed"];

/// How a backup is locked.
pub enum BackupSecret<'a> {
    /// A passphrase the administrator keeps (and needs on any machine to restore).
    Passphrase(&'a str),
    /// A random backup key kept in this computer's keychain, made on first use.
    Keychain,
}

impl<'a> BackupSecret<'a> {
    /// What a front end's form means: a passphrase when one was typed, otherwise this
    /// computer's keychain key.
    pub fn from_passphrase(passphrase: Option<&'a str>) -> BackupSecret<'a> {
        match passphrase.filter(|p| !p.is_empty()) {
            Some(p) => BackupSecret::Passphrase(p),
            None => BackupSecret::Keychain,
        }
    }
}

impl Service {
    /// Writes an encrypted backup of everything (the audit log included) and returns its bytes.
    /// Administrator only; the backup itself is recorded in the audit log first.
    pub async fn backup(&self, actor: &Actor, secret: BackupSecret<'_>) -> Result<Vec<u8>> {
        self.authorize(actor, &[Role::Admin]).await?;
        self.record(AuditDraft {
            at: self.now_micros(),
            user_id: Some(actor.user_id.clone()),
            action: "database.backup".to_owned(),
            entity: "database".to_owned(),
            entity_id: None,
            detail: json!({ "backend": self.backend_name() }),
        })
        .await?;
        // Everything queued so far goes onto the chain first: a backup holds the sealed log
        // (its queue is not backed up: on a busy office it only holds what commits meanwhile).
        self.seal_audit().await?;
        let mut tables = Map::new();
        for (table, order, columns) in TABLES {
            tables.insert(
                (*table).to_owned(),
                Value::Array(self.dump(table, order, columns).await?),
            );
        }
        let head = on_store!(&self.store, ops, pool => ops::audit_head(pool).await)?;
        let document = json!({
            "format": FORMAT,
            "created_at": self.now_micros(),
            "audit_head": { "seq": head.seq, "hash": head.hash },
            "tables": tables,
        });
        let plain = serde_json::to_vec(&document).map_err(|e| Error::Storage(e.to_string()))?;
        seal(&plain, &secret_key(secret).await?)
    }

    /// Restores a backup into this database, which must be new (no users yet). Needs no actor:
    /// an empty database has none. The restored audit chain is checked before anything is kept.
    pub async fn restore(&self, backup: &[u8], secret: BackupSecret<'_>) -> Result<AuditReport> {
        let count = on_store!(&self.store, ops, pool => ops::user_count(pool).await)?;
        if count > 0 {
            return Err(Error::not_permitted("error-restore-needs-empty-database"));
        }
        let plain = open_sealed(backup, &secret_key(secret).await?)?;
        let document: Value = serde_json::from_slice(&plain).map_err(|_| invalid_backup())?;
        if document["format"].as_u64() != Some(FORMAT) {
            return Err(invalid_backup());
        }
        let head_seq = document["audit_head"]["seq"]
            .as_i64()
            .ok_or_else(invalid_backup)?;
        let head_hash = document["audit_head"]["hash"]
            .as_str()
            .ok_or_else(invalid_backup)?
            .to_owned();
        // The chain is checked before anything is written: a tampered backup restores nothing.
        let mut check = ChainCheck::new();
        for row in document["tables"]["audit_log"]
            .as_array()
            .ok_or_else(invalid_backup)?
        {
            check.push(&audit_row(row).ok_or_else(invalid_backup)?);
        }
        let report = check.finish(head_seq, &head_hash);
        if !report.intact {
            return Err(Error::invalid_with(
                "file",
                "error-backup-chain-broken",
                &[("seq", report.first_broken.unwrap_or_default().to_string())],
            ));
        }
        // Every row is checked against its column's kind before anything is written.
        let mut restored = Vec::with_capacity(TABLES.len());
        for (table, _, columns) in TABLES {
            let rows = document["tables"][*table]
                .as_array()
                .ok_or_else(invalid_backup)?;
            let mut values = Vec::with_capacity(rows.len());
            for row in rows {
                values.push(stored_row(row, columns).ok_or_else(invalid_backup)?);
            }
            restored.push(RestoredTable {
                table,
                columns: columns.iter().map(|(c, _)| *c).collect(),
                // The backup's rows replace what migrations shipped (an edited holiday list).
                replace_seeded: SEEDED.contains(table),
                rows: values,
            });
        }
        on_store!(&self.store, ops, pool =>
            ops::restore_tables(pool, &restored, head_seq, &head_hash).await)?;
        Ok(report)
    }

    async fn dump(&self, table: &str, order: &str, columns: &[Column]) -> Result<Vec<Value>> {
        on_store!(&self.store, ops, pool => ops::dump_table(pool, table, order, columns).await)
    }
}

/// A dumped row's values as its columns store them; `None` when the row does not fit them.
fn stored_row(row: &Value, columns: &[Column]) -> Option<Vec<StoredValue>> {
    let values = row.as_array().filter(|v| v.len() == columns.len())?;
    columns
        .iter()
        .zip(values)
        .map(|((_, kind), value)| {
            Some(match kind {
                Text => StoredValue::Text(value.as_str().map(str::to_owned)),
                Int => StoredValue::Int(value.as_i64()),
                Bool => StoredValue::Bool(value.as_bool()),
                Bytes => StoredValue::Bytes(value.as_str().map(hex::decode).transpose().ok()?),
            })
        })
        .collect()
}

/// An audit entry as dumped (columns in [`TABLES`] order).
fn audit_row(row: &Value) -> Option<AuditRow> {
    let v = row.as_array()?;
    let text = |i: usize| v.get(i).and_then(Value::as_str).map(str::to_owned);
    Some(AuditRow {
        seq: v.first()?.as_i64()?,
        at: v.get(1)?.as_i64()?,
        user_id: text(2),
        action: text(3)?,
        entity: text(4)?,
        entity_id: text(5),
        detail: text(6)?,
        prev_hash: text(7)?,
        hash: text(8)?,
    })
}

/// The 256-bit key a backup is sealed with (salted per backup for a passphrase).
enum SealKey {
    Passphrase(String),
    Raw([u8; 32]),
}

async fn secret_key(secret: BackupSecret<'_>) -> Result<SealKey> {
    match secret {
        BackupSecret::Passphrase(p) => {
            if p.chars().count() < 10 {
                return Err(Error::invalid(
                    "passphrase",
                    "error-backup-passphrase-short",
                ));
            }
            Ok(SealKey::Passphrase(p.to_owned()))
        }
        BackupSecret::Keychain => {
            let name = SecretName::BackupKey;
            let hex_key = match Keychain::get(&name).await? {
                Some(k) => k,
                None => {
                    let mut bytes = [0u8; 32];
                    rand::rngs::OsRng.fill_bytes(&mut bytes);
                    let k = hex::encode(bytes);
                    Keychain::set(&name, &k).await?;
                    k
                }
            };
            let bytes = hex::decode(hex_key.trim()).map_err(|_| invalid_backup())?;
            let raw: [u8; 32] = bytes.try_into().map_err(|_| invalid_backup())?;
            Ok(SealKey::Raw(raw))
        }
    }
}

fn derive(key: &SealKey, salt: &[u8]) -> Result<[u8; 32]> {
    match key {
        SealKey::Raw(raw) => Ok(*raw),
        SealKey::Passphrase(p) => {
            let mut out = [0u8; 32];
            argon2::Argon2::default()
                .hash_password_into(p.as_bytes(), salt, &mut out)
                .map_err(|e| Error::Storage(format!("key derivation failed: {e}")))?;
            Ok(out)
        }
    }
}

/// `MAGIC | salt (16) | nonce (12) | AES-256-GCM(ciphertext + tag)`.
fn seal(plain: &[u8], key: &SealKey) -> Result<Vec<u8>> {
    let mut salt = [0u8; 16];
    let mut nonce = [0u8; 12];
    rand::rngs::OsRng.fill_bytes(&mut salt);
    rand::rngs::OsRng.fill_bytes(&mut nonce);
    let derived = derive(key, &salt)?;
    let cipher = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(&derived));
    let sealed = cipher
        .encrypt(Nonce::from_slice(&nonce), plain)
        .map_err(|_| Error::Storage("encryption failed".to_owned()))?;
    let mut out = Vec::with_capacity(MAGIC.len() + 28 + sealed.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&salt);
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&sealed);
    Ok(out)
}

fn open_sealed(data: &[u8], key: &SealKey) -> Result<Vec<u8>> {
    if data.len() < MAGIC.len() + 28 || &data[..MAGIC.len()] != MAGIC {
        return Err(invalid_backup());
    }
    let salt = &data[8..24];
    let nonce = &data[24..36];
    let derived = derive(key, salt)?;
    let cipher = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(&derived));
    cipher
        .decrypt(Nonce::from_slice(nonce), &data[36..])
        .map_err(|_| Error::invalid("passphrase", "error-backup-wrong-secret"))
}

fn invalid_backup() -> Error {
    Error::invalid("file", "error-backup-invalid")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealing_round_trips_and_detects_a_wrong_passphrase_or_a_flipped_bit() {
        let key = SealKey::Passphrase("correct horse battery".into());
        let sealed = seal(b"{\"x\":1}", &key).expect("seal");
        assert_eq!(open_sealed(&sealed, &key).expect("open"), b"{\"x\":1}");
        let wrong = SealKey::Passphrase("incorrect horse battery".into());
        assert!(open_sealed(&sealed, &wrong).is_err());
        let mut flipped = sealed.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        assert!(open_sealed(&flipped, &key).is_err());
        assert!(open_sealed(b"not a backup at all", &key).is_err());
    }
}

#[cfg(test)]
mod schema_tests {
    use super::TABLES;
    use crate::store::{on_store, Store};
    use sqlx::Connection;

    /// Every table and column the migrations create is in a backup (the head row is written
    /// from the backup's own record, and the migration ledger belongs to the target).
    async fn assert_backups_cover(url: &str) {
        let store = Store::connect(url, None, None).await.expect("connect");
        let schema =
            on_store!(&store, ops, pool => ops::schema::table_columns(pool).await).expect("schema");
        let tables: Vec<&str> = schema.iter().map(|(t, _)| t.as_str()).collect();
        let mut listed: Vec<&str> = TABLES.iter().map(|(t, _, _)| *t).collect();
        listed.sort();
        assert_eq!(listed, tables);
        for (table, _, columns) in TABLES {
            let (_, actual) = schema
                .iter()
                .find(|(name, _)| name == table)
                .expect("table");
            let listed: Vec<String> = columns.iter().map(|(c, _)| c.to_string()).collect();
            assert_eq!(&listed, actual, "{table}");
        }
        store.close().await;
    }

    #[tokio::test]
    async fn backups_cover_every_table_and_column() {
        let dir = tempfile::tempdir().expect("dir");
        let url = format!("sqlite://{}", dir.path().join("schema.db").display());
        assert_backups_cover(&url).await;
    }

    /// The same on PostgreSQL, on a fresh database of the server the test command starts.
    #[tokio::test]
    async fn backups_cover_every_table_and_column_on_postgres() {
        let admin = std::env::var("SANAD_TEST_PG_URL").expect(
            "SANAD_TEST_PG_URL is not set: run the tests with the README's test command, \
             which starts a PostgreSQL server",
        );
        let name = format!("sanad_test_{}", uuid::Uuid::now_v7().simple());
        let mut conn = sqlx::PgConnection::connect(&admin)
            .await
            .expect("connect to the test PostgreSQL server");
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .await
            .expect("create test database");
        let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin);
        assert_backups_cover(&format!("{base}/{name}")).await;
    }
}
