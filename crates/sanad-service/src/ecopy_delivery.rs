//! The certified copy delivered through the portal (issue 15, item 3): the destination
//! organization's portal accounts and API tokens download it, and the first download confirms
//! the delivery by itself.
//!
//! Who may download: an account or token of the request's **destination** — the third party it
//! was sent to, or the requesting agency itself when it asked for the copy to be sent to itself
//! — once the request is dispatched as an `electronic_copy`. A requesting agency that had the
//! copy sent to a third party may not: the copy certifies what was sent to that party, and the
//! agency follows the request's state on its page. Everyone else, a request not yet dispatched
//! or not electronic, and a code that names nothing, get the same "not found".
//!
//! The first download moves the request `dispatched` → `delivered` through the core's workflow
//! (`workflow::delivered_by_download`), as a step in its history taken by the account or token
//! that downloaded, at the time it did; later downloads only add to the audit log. Two of the
//! destination's users downloading at once both get the PDF, and the step is taken once: the
//! move is conditional on the version both read (`ops::deliver_by_download`), the loser's write
//! keeps only its audit entry.
//!
//! And the notice: when a copy is issued and the destination has an e-mail address in the
//! register, the outbox tells it (in Persian) the copy waits on the portal, queued in the
//! dispatch's transaction; with the setting `ecopy.attach_to_mail` on, the PDF goes with it.
//!
//! Public functions: `Service::download_ecopy`, `Service::set_organization_email`,
//! `Service::set_ecopy_attach_to_mail`. Crate-internal: `Service::ecopy_notice`. Their SQL:
//! `store/ops/ecopy_delivery.rs`, `store/ops/keys.rs`, `store/ops/files.rs`,
//! `store/ops/settings.rs`.

use sanad_core::access::USES_PORTAL;
use sanad_core::jalali::JalaliDate;
use sanad_core::model::{DispatchMode, Priority, Role, Status};
use sanad_core::{validate, workflow, Error, Result, TrackingCode};
use serde_json::json;

use crate::store::{on_store, AuditDraft, OutboxRow, RequestRow, TransitionRow};
use crate::{Actor, Service};

/// The setting that sends the PDF itself with the notice (off unless the administrator says).
pub const ATTACH_TO_MAIL_KEY: &str = "ecopy.attach_to_mail";

/// A download: the PDF, the name to save it as, and whether this one confirmed the delivery.
#[derive(Debug, Clone)]
pub struct EcopyDownload {
    pub file_name: String,
    pub pdf: Vec<u8>,
    pub sha256: String,
    /// This download moved the request to `delivered` (the first by the destination).
    pub delivered_now: bool,
}

/// The organization a request's copy is for: its destination, or the requester itself.
pub(crate) fn destination_of(row: &RequestRow) -> &str {
    row.destination_org_id
        .as_deref()
        .unwrap_or(&row.requesting_org_id)
}

impl Service {
    /// The certified copy of request `code` for the signed-in account or API token of its
    /// destination (see the module's header); the first such download confirms the delivery.
    pub async fn download_ecopy(&self, actor: &Actor, code: &str) -> Result<EcopyDownload> {
        let user = self.authorize_user(actor, USES_PORTAL, false).await?;
        let not_found = || Error::NotFound { what: "ecopy" };
        let code = TrackingCode::parse(code).map_err(|_| not_found())?;
        let page = self.read_page(&code).await.map_err(|e| match e {
            Error::NotFound { .. } => not_found(),
            other => other,
        })?;
        let row = page.request;
        let status = Status::parse("status", &row.status)?;
        let electronic = row.dispatch_mode == DispatchMode::ElectronicCopy.as_str();
        if user.organization_id.as_deref() != Some(destination_of(&row))
            || !electronic
            || !workflow::RECEIVED_STATES.contains(&status)
        {
            return Err(not_found());
        }
        let copy = on_store!(&self.store, ops, pool => ops::current_ecopy(pool, &row.id).await)?
            .ok_or_else(not_found)?;
        let pdf = on_store!(&self.store, ops, pool => ops::ecopy_pdf(pool, &copy.file_id).await)?
            .ok_or_else(not_found)?;
        let now = self.now_micros();
        let token = crate::portal_tokens::is_token_user(&user);
        let download = AuditDraft {
            at: now,
            user_id: Some(actor.user_id.clone()),
            action: "request.ecopy_download".to_owned(),
            entity: "request".to_owned(),
            entity_id: Some(row.id.clone()),
            detail: json!({
                "tracking_code": code.as_str(),
                "ecopy": copy.id,
                "sha256": copy.sha256,
                "organization_id": user.organization_id,
                "account": (!token).then_some(&actor.user_id),
                "portal_token": token.then_some(&actor.user_id),
            }),
        };
        // The step, when this may be the first download: decided by the core, taken only if the
        // request is still where this call saw it.
        let step = if status == Status::Dispatched {
            self.ensure_writable(actor).await?;
            let facts = crate::requests::facts_of(&row)?;
            let step = workflow::delivered_by_download(facts)?;
            let priority = Priority::parse("priority", &row.priority)?;
            let return_due = row
                .return_due
                .as_deref()
                .map(|d| JalaliDate::parse("return_due", d))
                .transpose()?;
            let deadline = self
                .deadline(step.to, priority, facts.dispatch_mode, return_due, now)
                .await?;
            let transition = TransitionRow {
                id: uuid::Uuid::now_v7().to_string(),
                request_id: row.id.clone(),
                seq: row.version + 1,
                action: step.action.as_str().to_owned(),
                from_status: Some(step.from.as_str().to_owned()),
                to_status: step.to.as_str().to_owned(),
                user_id: actor.user_id.clone(),
                username: actor.username.clone(),
                display_name: actor.display_name.clone(),
                role: Role::Agency.as_str().to_owned(),
                at: now,
                note: None,
                acting_for: None,
                acting_for_name: None,
                delegation_id: None,
            };
            let audit = AuditDraft {
                at: now,
                user_id: Some(actor.user_id.clone()),
                action: format!("request.{}", step.action.as_str()),
                entity: "request".to_owned(),
                entity_id: Some(row.id.clone()),
                detail: json!({
                    "tracking_code": code.as_str(),
                    "from": step.from.as_str(),
                    "to": step.to.as_str(),
                    "version": row.version + 1,
                    "role": Role::Agency.as_str(),
                    "by_download": copy.id,
                }),
            };
            Some((deadline, transition, audit))
        } else {
            None
        };
        let delivered_now = on_store!(&self.store, ops, pool => ops::audited_step(pool, async |w| {
            let mut moved = false;
            if let Some((deadline, transition, audit)) = &step {
                moved = ops::deliver_by_download(w.tx(), &row.id, row.version, *deadline, now)
                    .await?;
                if moved {
                    ops::insert_transition(w.tx(), transition).await?;
                    w.audit(audit.clone()).await?;
                }
            }
            w.audit(download.clone()).await?;
            Ok(moved)
        }).await)?;
        Ok(EcopyDownload {
            file_name: format!("sanad-ecopy-{}.pdf", code.as_str()),
            pdf,
            sha256: copy.sha256,
            delivered_now,
        })
    }

    /// Sets (or, with an empty address, clears) the e-mail address the register holds for
    /// organization `id`: where the notice of a certified copy goes. Administrator and clerk,
    /// as they keep the register.
    pub async fn set_organization_email(
        &self,
        actor: &Actor,
        id: &str,
        email: &str,
    ) -> Result<Option<String>> {
        self.authorize(actor, &[Role::Admin, Role::Clerk]).await?;
        let email = match email.trim() {
            "" => None,
            typed => Some(validate::email("email", typed)?),
        };
        let id = crate::requests::record_id(id)
            .ok_or(Error::NotFound {
                what: "organization",
            })?
            .to_owned();
        let now = self.now_micros();
        on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            if !ops::set_org_email(w.tx(), &id, email.as_deref()).await? {
                return Err(Error::NotFound { what: "organization" });
            }
            w.audit(AuditDraft {
                at: now,
                user_id: Some(actor.user_id.clone()),
                action: "organization.email".to_owned(),
                entity: "organization".to_owned(),
                entity_id: Some(id.clone()),
                detail: json!({ "email": email }),
            }).await
        }).await)?;
        Ok(email)
    }

    /// Turns on or off sending the certified copy itself with the notice. Administrator only.
    pub async fn set_ecopy_attach_to_mail(&self, actor: &Actor, on: bool) -> Result<bool> {
        self.authorize(actor, &[Role::Admin]).await?;
        let value = if on { "true" } else { "false" };
        let now = self.now_micros();
        on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            ops::put_setting(w.tx(), ATTACH_TO_MAIL_KEY, value).await?;
            w.audit(AuditDraft {
                at: now,
                user_id: Some(actor.user_id.clone()),
                action: "settings.ecopy_attach_to_mail".to_owned(),
                entity: "settings".to_owned(),
                entity_id: None,
                detail: json!({ "attach_to_mail": on }),
            }).await
        }).await)?;
        Ok(on)
    }

    /// The notice to the destination that request `row`'s certified copy (kept file
    /// `file_id`) waits on the portal, when the register holds an e-mail address for it.
    pub(crate) async fn ecopy_notice(
        &self,
        row: &RequestRow,
        code: &TrackingCode,
        file_id: &str,
        at: i64,
    ) -> Result<Option<OutboxRow>> {
        let destination = destination_of(row).to_owned();
        let email = on_store!(&self.store, ops, pool => ops::org_email(pool, &destination).await)?;
        let Some(email) = email.filter(|e| !e.trim().is_empty()) else {
            return Ok(None);
        };
        let portal = match self.portal_address().await? {
            Some(address) => address,
            None => {
                sanad_i18n::Localizer::new(sanad_i18n::Lang::Fa).text("mail-ecopy-portal-unnamed")
            }
        };
        let attach = self.cached_setting(ATTACH_TO_MAIL_KEY).await?.as_deref() == Some("true");
        let event = if attach {
            "ecopy-waiting-attached"
        } else {
            "ecopy-waiting"
        };
        let args = [crate::outbox::code_arg(code), ("portal", portal)];
        let mut message = crate::outbox::compose("request", &row.id, event, &email, &args, at);
        if attach {
            message.attachment_file_id = Some(file_id.to_owned());
        }
        Ok(Some(message))
    }
}
