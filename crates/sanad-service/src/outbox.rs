//! Results to the applicant: decisive steps (approved, rejected, sent back, dispatched, a
//! complaint answered) queue an e-mail in the same transaction as the step, from Fluent templates
//! in Persian. A deliverer sends what is due over SMTP (lettre); when the server is down a message
//! waits with exponential back-off and goes later. Nothing is dropped.
//!
//! Public functions: `Service::mail_settings`, `Service::set_mail_settings`,
//! `Service::save_smtp_password`, `Service::request_notifications`,
//! `Service::complaint_notifications`, `Service::deliver_outbox`,
//! `Service::keep_delivering_outbox`. Their SQL: `store/ops/audit.rs`, `store/ops/complaints.rs`,
//! `store/ops/outbox.rs`, `store/ops/requests.rs`, `store/ops/settings.rs`.

use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sanad_core::model::Role;
use sanad_core::{validate, Error, Result, TrackingCode};
use sanad_i18n::{Lang, Localizer};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use crate::keychain::{Keychain, SecretName};
use crate::requests::{rfc3339, READERS};
use crate::store::{on_store, AuditDraft, OutboxRow};
use crate::{Actor, Service};

/// Messages one delivery round takes at most.
const BATCH: i64 = 50;
/// How long a desk holds the messages it is sending, so another desk does not send them too.
const LEASE_MICROS: i64 = 5 * 60 * 1_000_000;
/// Back-off: one minute after the first failure, doubling, at most six hours.
const FIRST_RETRY_SECS: i64 = 60;
const MAX_RETRY_SECS: i64 = 6 * 3600;
/// How long one SMTP conversation may take.
const SMTP_TIMEOUT: Duration = Duration::from_secs(20);

const KEYS: [&str; 5] = [
    "mail.host",
    "mail.port",
    "mail.tls",
    "mail.username",
    "mail.from",
];

/// How the SMTP connection is protected.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, TS)]
#[serde(rename_all = "snake_case")]
pub enum MailTls {
    /// Plain SMTP (a relay on the office network only).
    None,
    /// STARTTLS on the submission port (587), required.
    Starttls,
    /// TLS from the first byte (465).
    Tls,
}

/// The office's outgoing mail server. The password is kept in the OS keychain
/// ([`Service::save_smtp_password`]), never here.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, TS)]
pub struct MailSettings {
    pub host: String,
    pub port: u16,
    pub tls: MailTls,
    /// Sign in as this account (password from the keychain); none for an open relay.
    #[serde(default)]
    pub username: Option<String>,
    /// The sender address applicants see.
    pub from: String,
}

/// Where one message stands.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, TS)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryState {
    /// Waiting for its first or next attempt.
    Pending,
    Sent,
}

/// A message to the applicant about a request or complaint, as its page lists it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, TS)]
pub struct Notification {
    /// `request-approved`, `request-rejected`, `request-correction`, `request-dispatched`,
    /// `complaint-answered`, `ecopy-waiting` (to the destination; `ecopy-waiting-attached` with
    /// the PDF).
    pub event: String,
    pub recipient: String,
    pub subject: String,
    pub state: DeliveryState,
    pub attempts: i64,
    pub queued_at: String,
    /// When the next attempt is due (pending only).
    pub next_attempt_at: Option<String>,
    pub sent_at: Option<String>,
}

/// What one delivery round did.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq, TS)]
pub struct DeliveryReport {
    pub sent: u32,
    pub failed: u32,
    /// Still waiting after this round (for later attempts).
    pub waiting: i64,
}

/// A message composed for the outbox, queued by the step that causes it.
pub(crate) fn compose(
    entity: &str,
    entity_id: &str,
    event: &str,
    recipient: &str,
    args: &[(&str, String)],
    at: i64,
) -> OutboxRow {
    // Applicants read Persian: the templates are the Persian Fluent messages.
    let l10n = Localizer::new(Lang::Fa);
    OutboxRow {
        id: uuid::Uuid::now_v7().to_string(),
        channel: "email".to_owned(),
        recipient: recipient.to_owned(),
        subject: l10n.format(&format!("mail-{event}-subject"), args),
        body: l10n.format(&format!("mail-{event}-body"), args),
        entity: entity.to_owned(),
        entity_id: entity_id.to_owned(),
        event: event.to_owned(),
        state: "pending".to_owned(),
        attempts: 0,
        next_attempt_at: at,
        last_error: None,
        created_at: at,
        sent_at: None,
        attachment_file_id: None,
        body_after_sending: None,
    }
}

/// [`compose`] for a message that carries a one-time secret (the registration's PIN) as the
/// argument `secret`: the outbox keeps the secret only until the message is sent, after which
/// the body reads with the secret masked (`outbox_sent`).
pub(crate) fn compose_with_secret(
    entity: &str,
    entity_id: &str,
    event: &str,
    recipient: &str,
    args: &[(&str, String)],
    secret: (&str, String),
    at: i64,
) -> OutboxRow {
    let mut with_secret = args.to_vec();
    with_secret.push(secret.clone());
    let mut message = compose(entity, entity_id, event, recipient, &with_secret, at);
    let mut masked = args.to_vec();
    masked.push((secret.0, "\u{2022}".repeat(secret.1.chars().count())));
    message.body_after_sending =
        Some(Localizer::new(Lang::Fa).format(&format!("mail-{event}-body"), &masked));
    message
}

/// How often each desk tries the outbox. Every desk does: each message is claimed by one of them.
pub const OUTBOX_EVERY: Duration = Duration::from_secs(30);

/// The grouped tracking code as a message argument (digits shaped by the localizer).
pub(crate) fn code_arg(code: &TrackingCode) -> (&'static str, String) {
    ("code", code.grouped())
}

impl Service {
    /// The outgoing mail server, if the administrator has set one.
    pub async fn mail_settings(&self, actor: &Actor) -> Result<Option<MailSettings>> {
        self.authorize(actor, &[Role::Admin]).await?;
        self.stored_mail_settings().await
    }

    /// Sets the outgoing mail server. Administrator only; recorded in the audit log.
    pub async fn set_mail_settings(&self, actor: &Actor, settings: MailSettings) -> Result<()> {
        self.authorize(actor, &[Role::Admin]).await?;
        let host = settings.host.trim().to_owned();
        let host_ok = !host.is_empty()
            && host.len() <= 253
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == ':');
        if !host_ok {
            return Err(Error::invalid("host", "error-mail-host"));
        }
        if settings.port == 0 {
            return Err(Error::invalid("port", "error-mail-port"));
        }
        let from = validate::email("from", &settings.from)?;
        let username = validate::optional_text("username", settings.username.as_deref(), 200)?;
        let tls = match settings.tls {
            MailTls::None => "none",
            MailTls::Starttls => "starttls",
            MailTls::Tls => "tls",
        };
        let values = [
            host.clone(),
            settings.port.to_string(),
            tls.to_owned(),
            username.clone().unwrap_or_default(),
            from.clone(),
        ];
        let draft = AuditDraft {
            at: self.now_micros(),
            user_id: Some(actor.user_id.clone()),
            action: "settings.mail".to_owned(),
            entity: "settings".to_owned(),
            entity_id: None,
            detail: json!({ "host": host, "port": settings.port, "tls": tls, "username": username, "from": from }),
        };
        on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            for (key, value) in KEYS.iter().zip(values.iter()) {
                ops::put_setting(w.tx(), key, value).await?;
            }
            w.audit(draft).await
        }).await)
    }

    /// Saves the mail server and, when one is typed, its account's password (to the OS
    /// keychain, never to settings), as the administration screen and `sanad mail` do: the
    /// settings are checked first, so a refused form changes nothing. Returns what is in force.
    pub async fn save_mail_server(
        &self,
        actor: &Actor,
        settings: MailSettings,
        password: Option<&str>,
    ) -> Result<Option<MailSettings>> {
        let password = password.filter(|p| !p.is_empty());
        let has_account = settings
            .username
            .as_deref()
            .is_some_and(|u| !u.trim().is_empty());
        if password.is_some() && !has_account {
            return Err(Error::invalid("username", "error-required"));
        }
        self.set_mail_settings(actor, settings).await?;
        if let Some(password) = password {
            self.save_smtp_password(actor, password).await?;
        }
        self.mail_settings(actor).await
    }

    /// Keeps the SMTP account's password in the OS keychain. Administrator only.
    pub async fn save_smtp_password(&self, actor: &Actor, password: &str) -> Result<()> {
        self.authorize(actor, &[Role::Admin]).await?;
        let settings = self
            .stored_mail_settings()
            .await?
            .ok_or_else(|| Error::invalid("host", "error-mail-not-configured"))?;
        let account =
            smtp_account(&settings).ok_or_else(|| Error::invalid("username", "error-required"))?;
        Keychain::set(&SecretName::SmtpPassword(account), password).await?;
        self.record(AuditDraft {
            at: self.now_micros(),
            user_id: Some(actor.user_id.clone()),
            action: "settings.mail_password".to_owned(),
            entity: "settings".to_owned(),
            entity_id: None,
            detail: json!({}),
        })
        .await
    }

    /// The messages queued for a request's applicant, oldest first, with their delivery state.
    pub async fn request_notifications(
        &self,
        actor: &Actor,
        code: &str,
    ) -> Result<Vec<Notification>> {
        self.authorize(actor, READERS).await?;
        let code = TrackingCode::parse(code)?;
        let rows = on_store!(&self.store, ops, pool => {
            let request = ops::request_by_code(pool, code.as_str()).await?
                .ok_or(Error::NotFound { what: "request" })?;
            ops::outbox_for(pool, "request", &request.id).await?
        });
        Ok(rows.into_iter().map(notification).collect())
    }

    /// The messages queued for a complaint's author.
    pub async fn complaint_notifications(
        &self,
        actor: &Actor,
        code: &str,
    ) -> Result<Vec<Notification>> {
        self.authorize(actor, READERS).await?;
        let code = TrackingCode::parse(code)?;
        let rows = on_store!(&self.store, ops, pool => {
            let complaint = ops::complaint_by_code(pool, code.as_str()).await?
                .ok_or(Error::NotFound { what: "complaint" })?;
            ops::outbox_for(pool, "complaint", &complaint.id).await?
        });
        Ok(rows.into_iter().map(notification).collect())
    }

    /// One delivery round: sends every message due now, or schedules its next attempt. Needs no
    /// actor (desks run it in the background); with no mail server set, or inside a read-only
    /// maintenance window, everything waits.
    pub async fn deliver_outbox(&self) -> Result<DeliveryReport> {
        let mut report = DeliveryReport::default();
        // Inside a read-only maintenance window the deliverer waits too: it writes.
        let paused = self.read_only_until().await?.is_some();
        let settings = match paused {
            true => None,
            false => self.stored_mail_settings().await?,
        };
        let Some(settings) = settings else {
            report.waiting =
                on_store!(&self.store, ops, pool => ops::count_pending_outbox(pool).await)?;
            return Ok(report);
        };
        let password = match smtp_account(&settings) {
            Some(account) => Keychain::get(&SecretName::SmtpPassword(account)).await?,
            None => None,
        };
        let now = self.now_micros();
        // Lease what is due, so a second desk running the deliverer skips it.
        let leased = on_store!(&self.store, ops, pool => {
            let due = ops::due_outbox(pool, now, BATCH).await?;
            if due.is_empty() {
                Vec::new()
            } else {
                ops::audited_write(pool, async |w| {
                    let mut leased = Vec::new();
                    for m in due {
                        if ops::lease_outbox(w.tx(), &m.id, m.next_attempt_at, now + LEASE_MICROS).await? {
                            leased.push(m);
                        }
                    }
                    w.audit(AuditDraft {
                        at: now,
                        user_id: None,
                        action: "outbox.lease".to_owned(),
                        entity: "outbox".to_owned(),
                        entity_id: None,
                        detail: json!({ "messages": leased.len() }),
                    }).await?;
                    Ok(leased)
                }).await?
            }
        });
        let transport = if leased.is_empty() {
            None
        } else {
            Some(transport(&settings, password)?)
        };
        for m in leased {
            let attachment = match &m.attachment_file_id {
                Some(id) => on_store!(&self.store, ops, pool => ops::stored_file(pool, id).await)?
                    .map(|(_, bytes)| bytes),
                None => None,
            };
            let outcome = match &transport {
                Some(t) => send(t, &settings, &m, attachment).await,
                None => Err("no transport".to_owned()),
            };
            let at = self.now_micros();
            let (action, detail) = match &outcome {
                Ok(()) => {
                    report.sent += 1;
                    (
                        "outbox.sent",
                        json!({ "event": m.event, "attempt": m.attempts + 1 }),
                    )
                }
                Err(e) => {
                    report.failed += 1;
                    tracing::warn!(error = %e, id = %m.id, "mail not delivered; will retry");
                    (
                        "outbox.retry",
                        json!({ "event": m.event, "attempt": m.attempts + 1 }),
                    )
                }
            };
            let next = at + retry_delay_micros(m.attempts + 1);
            on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
                match &outcome {
                    Ok(()) => ops::outbox_sent(w.tx(), &m.id, at).await?,
                    Err(e) => ops::outbox_retry(w.tx(), &m.id, next, e).await?,
                }
                w.audit(AuditDraft {
                    at,
                    user_id: None,
                    action: action.to_owned(),
                    entity: "outbox".to_owned(),
                    entity_id: Some(m.id.clone()),
                    detail,
                }).await?;
                Ok(())
            }).await)?;
        }
        report.waiting =
            on_store!(&self.store, ops, pool => ops::count_pending_outbox(pool).await)?;
        Ok(report)
    }

    /// Runs [`Service::deliver_outbox`] now and every [`OUTBOX_EVERY`], for as long as the future
    /// is polled (a desk spawns it beside its window and aborts it when the database changes). A
    /// failed round is handed to `failed` and tried again next time.
    pub async fn keep_delivering_outbox(&self, failed: impl Fn(&Error)) {
        let every = OUTBOX_EVERY;
        loop {
            if let Err(e) = self.deliver_outbox().await {
                failed(&e);
            }
            tokio::time::sleep(every).await;
        }
    }

    async fn stored_mail_settings(&self) -> Result<Option<MailSettings>> {
        let mut values = Vec::new();
        for key in KEYS {
            values.push(on_store!(&self.store, ops, pool => ops::setting(pool, key).await)?);
        }
        let [host, port, tls, username, from]: [Option<String>; 5] = values
            .try_into()
            .map_err(|_| Error::Storage("mail settings".to_owned()))?;
        let (Some(host), Some(port), Some(from)) = (host, port, from) else {
            return Ok(None);
        };
        let tls = match tls.as_deref() {
            Some("none") => MailTls::None,
            Some("tls") => MailTls::Tls,
            _ => MailTls::Starttls,
        };
        Ok(Some(MailSettings {
            host,
            port: port.parse().unwrap_or(587),
            tls,
            username: username.filter(|u| !u.is_empty()),
            from,
        }))
    }
}

/// The keychain account of the SMTP password: `user@host:port`.
fn smtp_account(s: &MailSettings) -> Option<String> {
    s.username
        .as_ref()
        .map(|u| format!("{u}@{}:{}", s.host, s.port))
}

/// How long to wait after the `attempts`-th failure.
fn retry_delay_micros(attempts: i64) -> i64 {
    let exponent = u32::try_from((attempts - 1).clamp(0, 20)).unwrap_or(20);
    let secs = FIRST_RETRY_SECS
        .saturating_mul(2_i64.saturating_pow(exponent))
        .min(MAX_RETRY_SECS);
    secs * 1_000_000
}

fn transport(
    s: &MailSettings,
    password: Option<String>,
) -> Result<AsyncSmtpTransport<Tokio1Executor>> {
    let builder = match s.tls {
        MailTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&s.host),
        MailTls::Starttls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&s.host)
            .map_err(|e| Error::Storage(format!("smtp: {e}")))?,
        MailTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&s.host)
            .map_err(|e| Error::Storage(format!("smtp: {e}")))?,
    };
    let mut builder = builder.port(s.port).timeout(Some(SMTP_TIMEOUT));
    if let (Some(user), Some(password)) = (&s.username, password) {
        builder = builder.credentials(Credentials::new(user.clone(), password));
    }
    Ok(builder.build())
}

/// Sends one message; the error text is for the log and the row, never shown to applicants.
async fn send(
    t: &AsyncSmtpTransport<Tokio1Executor>,
    s: &MailSettings,
    m: &OutboxRow,
    attachment: Option<Vec<u8>>,
) -> std::result::Result<(), String> {
    let from: Mailbox = s.from.parse().map_err(|e| format!("from: {e}"))?;
    let to: Mailbox = m.recipient.parse().map_err(|e| format!("to: {e}"))?;
    let builder = Message::builder()
        .from(from)
        .to(to)
        .subject(m.subject.clone());
    let message = match attachment {
        None => builder.header(ContentType::TEXT_PLAIN).body(m.body.clone()),
        // The certified copy itself, only when the administrator turned that on.
        Some(pdf) => {
            let pdf_type = ContentType::parse("application/pdf").map_err(|e| e.to_string())?;
            builder.multipart(
                MultiPart::mixed()
                    .singlepart(SinglePart::plain(m.body.clone()))
                    .singlepart(
                        Attachment::new("certified-copy.pdf".to_owned()).body(pdf, pdf_type),
                    ),
            )
        }
    }
    .map_err(|e| format!("message: {e}"))?;
    t.send(message).await.map(|_| ()).map_err(|e| e.to_string())
}

fn notification(r: OutboxRow) -> Notification {
    let sent = r.state == "sent";
    Notification {
        event: r.event,
        recipient: r.recipient,
        subject: r.subject,
        state: if sent {
            DeliveryState::Sent
        } else {
            DeliveryState::Pending
        },
        attempts: r.attempts,
        queued_at: rfc3339(r.created_at),
        next_attempt_at: (!sent).then(|| rfc3339(r.next_attempt_at)),
        sent_at: r.sent_at.map(rfc3339),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_off_doubles_from_a_minute_to_six_hours() {
        let secs: Vec<i64> = (1..=12)
            .map(|a| retry_delay_micros(a) / 1_000_000)
            .collect();
        assert_eq!(&secs[..4], &[60, 120, 240, 480]);
        assert_eq!(secs[11], MAX_RETRY_SECS);
        assert_eq!(retry_delay_micros(1_000) / 1_000_000, MAX_RETRY_SECS);
    }
}
