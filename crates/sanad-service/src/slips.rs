//! What a dispatch slip needs from the service: the office's profile (directorate name, logo),
//! each desk user's default printer, and the issuing of a slip. Issuing numbers the copy (the
//! first is the slip, later ones are duplicates marked المثنی) and writes the audit entry in the
//! same transaction, so no copy leaves a desk unrecorded.
//!
//! Who may do what: clerks issue, preview and choose their printer (the desk's job, ARCHITECTURE.md, "Glossary");
//! the administrator keeps the office profile; everyone signed in may read the profile.
//! A slip is issued once the request is approved (it travels with the dispatched document) and
//! may be reprinted while the request lives on; never before approval, nor for a rejected or
//! cancelled request.
//!
//! Public functions: `SlipPrint::is_duplicate`, `Service::office_profile`,
//! `Service::set_office_profile`, `Service::default_printer`, `Service::set_default_printer`,
//! `Service::issue_slip`, `Service::preview_slip`, `Service::slip_copies`. Their SQL:
//! `store/ops/audit.rs`, `store/ops/settings.rs`, `store/ops/slips.rs`.

use sanad_core::model::{Role, Status};
use sanad_core::{validate, Error, Result};
use serde_json::json;

use crate::clock::from_micros;
use crate::service::ANY_ROLE;
use crate::store::{on_store, AuditDraft, SlipPrintRow};
use crate::{Actor, Service};

/// The paper sizes a slip is laid out for, as the desk names them.
pub const SLIP_PAPERS: &[&str] = &["a5", "a4", "80mm"];

/// The papers a registration receipt is laid out for (`sanad_slip::render_receipt`).
pub const RECEIPT_PAPERS: &[&str] = &["a5", "80mm"];

/// States in which a slip may be issued (the core's rule, shown by the request page too).
const PRINTABLE: &[Status] = sanad_core::workflow::SLIP_STATES;

/// A logo larger than this is not a letterhead logo; refusing it keeps every slip small.
const MAX_LOGO_BYTES: usize = 512 * 1024;
const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

pub use sanad_core::slip_print::{OfficeProfile, SlipApproval, SlipPrint};

impl Service {
    /// The office profile printed on slips (an empty name until the administrator sets one).
    pub async fn office_profile(&self, actor: &Actor) -> Result<OfficeProfile> {
        self.authorize(actor, ANY_ROLE).await?;
        self.load_office_profile().await
    }

    /// Sets the directorate's name and logo (a PNG, or none). Administrator only.
    pub async fn set_office_profile(&self, actor: &Actor, profile: OfficeProfile) -> Result<()> {
        self.authorize(actor, &[Role::Admin]).await?;
        let name = validate::required_text("directorate_name", &profile.directorate_name, 200)?;
        if let Some(logo) = &profile.logo_png {
            if !logo.starts_with(PNG_SIGNATURE) {
                return Err(Error::invalid("logo", "error-logo-not-png"));
            }
            if logo.len() > MAX_LOGO_BYTES {
                return Err(Error::invalid("logo", "error-logo-too-large"));
            }
        }
        let now = self.now_micros();
        let draft = AuditDraft {
            at: now,
            user_id: Some(actor.user_id.clone()),
            action: "office.profile".to_owned(),
            entity: "office".to_owned(),
            entity_id: None,
            detail: json!({
                "directorate_name": name,
                "logo_bytes": profile.logo_png.as_ref().map(Vec::len),
            }),
        };
        on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            ops::put_office_profile(w.tx(), &name, profile.logo_png.as_deref()).await?;
            w.audit(draft).await
        }).await)
    }

    /// The printer this clerk chose for slips, if any. Desks share one database, so the choice
    /// is kept per user (a clerk works at one desk) rather than office-wide.
    pub async fn default_printer(&self, actor: &Actor) -> Result<Option<String>> {
        self.authorize(actor, &[Role::Clerk]).await?;
        let key = printer_key(actor);
        let value = on_store!(&self.store, ops, pool => ops::setting(pool, &key).await)?;
        Ok(value.filter(|v| !v.is_empty()))
    }

    /// Keeps `printer` (a system printer's name; `None` forgets the choice) as this clerk's
    /// slip printer.
    pub async fn set_default_printer(&self, actor: &Actor, printer: Option<&str>) -> Result<()> {
        self.authorize(actor, &[Role::Clerk]).await?;
        self.ensure_writable(actor).await?;
        let printer = validate::optional_text("printer", printer, 200)?;
        let key = printer_key(actor);
        let draft = AuditDraft {
            at: self.now_micros(),
            user_id: Some(actor.user_id.clone()),
            action: "slip.default_printer".to_owned(),
            entity: "user".to_owned(),
            entity_id: Some(actor.user_id.clone()),
            detail: json!({ "printer": printer }),
        };
        let value = printer.unwrap_or_default();
        on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            ops::put_setting(w.tx(), &key, &value).await?;
            w.audit(draft).await
        }).await)
    }

    /// Issues the next copy of the request's slip on `paper` (sent to `printer`, or saved when
    /// `None`): numbers the copy and records it in the audit log, in one transaction, and
    /// returns what to print. Clerks only. A copy counts as issued once this returns, whether or
    /// not the printer then succeeds: the next attempt is a duplicate, so two originals can
    /// never exist.
    pub async fn issue_slip(
        &self,
        actor: &Actor,
        code: &str,
        paper: &str,
        printer: Option<&str>,
    ) -> Result<SlipPrint> {
        let mut slip = self.prepare_slip(actor, code, paper).await?;
        self.ensure_writable(actor).await?;
        let printer = validate::optional_text("printer", printer, 200)?;
        let now = self.now_micros();
        let request_id = slip.request.id.clone();
        let tracking_code = slip.request.tracking_code.as_str().to_owned();
        let copy = on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            let copy = ops::next_slip_copy(w.tx(), &request_id).await?;
            ops::insert_slip_print(w.tx(), &SlipPrintRow {
                id: uuid::Uuid::now_v7().to_string(),
                request_id: request_id.clone(),
                copy,
                paper: slip.paper.clone(),
                printer: printer.clone(),
                printed_by: actor.user_id.clone(),
                printed_at: now,
            }).await?;
            let action = if copy == 1 { "request.slip_print" } else { "request.slip_reprint" };
            w.audit(AuditDraft {
                at: now,
                user_id: Some(actor.user_id.clone()),
                action: action.to_owned(),
                entity: "request".to_owned(),
                entity_id: Some(request_id.clone()),
                detail: json!({
                    "tracking_code": tracking_code,
                    "copy": copy,
                    "paper": slip.paper,
                    "printer": printer,
                }),
            }).await?;
            Ok(copy)
        }).await)?;
        slip.copy = copy;
        slip.token = self.slip_token(&slip.request, copy, now).await?;
        slip.issued_at = crate::requests::rfc3339(now);
        slip.issued_at_jalali = sanad_core::jalali::format_datetime_tehran(from_micros(now));
        Ok(slip)
    }

    /// The slip as the next copy would print, for a preview: nothing is recorded.
    pub async fn preview_slip(&self, actor: &Actor, code: &str, paper: &str) -> Result<SlipPrint> {
        self.prepare_slip(actor, code, paper).await
    }

    /// How many copies of the request's slip have been issued.
    pub async fn slip_copies(&self, actor: &Actor, code: &str) -> Result<i64> {
        self.authorize(actor, &[Role::Clerk, Role::Auditor]).await?;
        let view = self.request_by_code(actor, code).await?;
        self.issued_copies(&view.id).await
    }

    async fn issued_copies(&self, request_id: &str) -> Result<i64> {
        on_store!(&self.store, ops, pool => ops::slip_copies(pool, request_id).await)
    }

    async fn prepare_slip(&self, actor: &Actor, code: &str, paper: &str) -> Result<SlipPrint> {
        self.authorize(actor, &[Role::Clerk]).await?;
        let paper = paper.trim().to_ascii_lowercase();
        if !SLIP_PAPERS.contains(&paper.as_str()) {
            return Err(Error::invalid("paper", "error-slip-paper"));
        }
        let request = self.request_by_code(actor, code).await?;
        if !PRINTABLE.contains(&request.status) {
            return Err(Error::NotPermitted {
                message_id: "error-slip-not-printable",
                args: [("status".to_owned(), request.status.as_str().to_owned())]
                    .into_iter()
                    .collect(),
            });
        }
        let approvals = request
            .history
            .iter()
            .filter(|h| h.action == "approve")
            .map(|step| SlipApproval {
                name: step.user_name.clone(),
                role: step.role,
                at_jalali: step.at_jalali.clone(),
                acting_for: step.acting_for.clone(),
            })
            .collect();
        let copy = self.issued_copies(&request.id).await? + 1;
        let now = self.now_micros();
        // The preview carries a token too, so its QR is the size the print will have.
        let token = self.slip_token(&request, copy, now).await?;
        Ok(SlipPrint {
            token,
            copy,
            paper,
            issued_at: crate::requests::rfc3339(now),
            issued_at_jalali: sanad_core::jalali::format_datetime_tehran(from_micros(now)),
            clerk: actor.display_name.clone(),
            approvals,
            office: self.load_office_profile().await?,
            request,
        })
    }

    pub(crate) async fn load_office_profile(&self) -> Result<OfficeProfile> {
        let row = on_store!(&self.store, ops, pool => ops::office_profile(pool).await)?;
        Ok(row
            .map(|(directorate_name, logo_png)| OfficeProfile {
                directorate_name,
                logo_png,
            })
            .unwrap_or_default())
    }
}

fn printer_key(actor: &Actor) -> String {
    format!("slip.printer.{}", actor.user_id)
}
