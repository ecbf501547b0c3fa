//! Dispatch requests: registering one, reading it back, and moving it through its life.
//!
//! Public functions: `Service::register_request`, `Service::request_by_code`, `Service::act`
//! (dispatching an `electronic_copy` request issues its certified copy: `ecopies.rs`).
//! Their SQL: `store/ops/audit.rs`, `store/ops/documents.rs`, `store/ops/organizations.rs`,
//! `store/ops/outbox.rs`, `store/ops/requests.rs`.

use chrono::SecondsFormat;
use sanad_core::delegation;
use sanad_core::jalali::JalaliDate;
use sanad_core::model::{Action, DispatchMode, OrgKind, Priority, Role, Status};
use sanad_core::models::FilePurpose;
use sanad_core::workflow::{self, RequestFacts};
use sanad_core::{normalize, validate, Error, Problems, Result, TrackingCode};
use serde_json::json;

use crate::catalog::{doc_view, org_view};
use crate::clock::from_micros;
use crate::delegations::Grant;
use crate::models::{Applicant, HistoryEntry, Letter, NewRequest, RequestView};
use crate::pin::{new_pin, pin_hash};
use crate::scans::ExaminedFile;
use crate::store::{
    on_store, AuditDraft, DocRow, NewRequestRow, OrgRow, RequestPageRows, RequestRow, TransitionRow,
};
use crate::{Actor, Service};

const MAX_DOCUMENTS: usize = 20;
/// How many fresh codes to try when one is taken. With 10^11 codes a second collision in a row
/// means something is wrong with the random source, not bad luck.
const CODE_ATTEMPTS: usize = 16;

/// Who may read requests: every staff role but the administrator, who runs the system and has
/// no business with clients' data (separation of duties).
pub(crate) const READERS: &[Role] = &[
    Role::Clerk,
    Role::Reviewer,
    Role::Director,
    Role::Ministry,
    Role::Auditor,
];

/// Where a registration comes from and what comes with it.
pub(crate) struct Intake<'a> {
    /// `desk` or `portal` (the `requests.channel` column).
    pub channel: &'static str,
    /// The documents must be held for this organization (the agency's own, on the portal).
    pub documents_of: Option<&'a str>,
    /// The agency's letter, already examined: stored with the request, in its transaction.
    pub letter: Option<ExaminedFile>,
    /// The letter's file refused before validation, reported beside the other fields' problems.
    pub letter_problem: Option<Error>,
    /// Keep the PIN until then for a repeat under the same idempotency key (`receipt_pins`).
    pub keep_pin_until: Option<i64>,
}

impl Intake<'_> {
    fn desk() -> Intake<'static> {
        Intake {
            channel: "desk",
            documents_of: None,
            letter: None,
            letter_problem: None,
            keep_pin_until: None,
        }
    }
}

/// A request's fields after validation, ready to store.
struct ValidRequest {
    requesting_org_id: String,
    destination_org_id: Option<String>,
    needs_ministry: bool,
    document_ids: Vec<String>,
    mode: DispatchMode,
    return_due: Option<JalaliDate>,
    applicant: Applicant,
    letter_number: String,
    letter_date: JalaliDate,
    purpose: String,
    priority: Priority,
    search_key: String,
    /// The rows validation read, kept for the answer.
    requesting: OrgRow,
    destination: Option<OrgRow>,
    documents: Vec<DocRow>,
}

impl Service {
    /// Registers a request received at the desk and gives it its tracking code. Clerks only.
    ///
    /// With `new.idempotency_key`, a repeat of a registration this clerk already made under the
    /// same key returns that request (as it is now) and registers nothing.
    pub async fn register_request(&self, actor: &Actor, new: NewRequest) -> Result<RequestView> {
        self.authorize(actor, &[Role::Clerk]).await?;
        self.register(actor, new, Intake::desk()).await
    }

    /// [`Service::register_request`] once the caller is authorized, for the channel `intake`
    /// describes. The answer carries the follow-up PIN, once.
    pub(crate) async fn register(
        &self,
        actor: &Actor,
        new: NewRequest,
        intake: Intake<'_>,
    ) -> Result<RequestView> {
        let Intake {
            channel,
            documents_of,
            letter,
            letter_problem,
            keep_pin_until,
        } = intake;
        self.ensure_writable(actor).await?;
        let idempotency_key = idempotency_key(new.idempotency_key.as_deref())?;
        if let Some(key) = &idempotency_key {
            // A retry after a lost answer: answer it without validating again (the catalog may
            // have changed since the first attempt was stored).
            let existing = on_store!(&self.store, ops, pool =>
                ops::registered_code(pool, &actor.user_id, key).await)?;
            if let Some(code) = existing {
                return self.load_view(actor, &TrackingCode::parse(&code)?).await;
            }
        }
        let valid = self
            .validate_request(new, documents_of, letter_problem)
            .await?;
        let now = self.now_micros();
        let deadline = self
            .deadline(
                Status::Submitted,
                valid.priority,
                valid.mode,
                valid.return_due,
                now,
            )
            .await?;
        let id = uuid::Uuid::now_v7().to_string();
        let mut row = RequestRow {
            id: id.clone(),
            tracking_code: String::new(),
            requesting_org_id: valid.requesting_org_id,
            destination_org_id: valid.destination_org_id,
            needs_ministry: valid.needs_ministry,
            dispatch_mode: valid.mode.as_str().to_owned(),
            return_due: valid.return_due.map(|d| d.to_string()),
            applicant_name: valid.applicant.name,
            applicant_national_code: valid.applicant.national_code,
            applicant_mobile: valid.applicant.mobile,
            applicant_email: valid.applicant.email,
            letter_number: valid.letter_number.clone(),
            letter_date: valid.letter_date.to_string(),
            purpose: valid.purpose,
            priority: valid.priority.as_str().to_owned(),
            status: Status::Submitted.as_str().to_owned(),
            version: 1,
            status_since: now,
            deadline_at: deadline,
            created_by: actor.user_id.clone(),
            created_at: now,
            updated_at: now,
        };
        let transition = TransitionRow {
            id: uuid::Uuid::now_v7().to_string(),
            request_id: id.clone(),
            seq: 1,
            action: "register".to_owned(),
            from_status: None,
            to_status: Status::Submitted.as_str().to_owned(),
            user_id: actor.user_id.clone(),
            username: actor.username.clone(),
            display_name: actor.display_name.clone(),
            role: actor.role.as_str().to_owned(),
            at: now,
            note: None,
            acting_for: None,
            acting_for_name: None,
            delegation_id: None,
        };
        let letter_number_key = normalize::identifier(&valid.letter_number).to_lowercase();
        let pin = new_pin();
        // Where the registration e-mail sends the applicant (read only when there is one to send).
        let portal = match row.applicant_email {
            Some(_) => self.portal_address().await?,
            None => None,
        };
        let (requesting, destination, documents) = (
            valid.requesting.clone(),
            valid.destination.clone(),
            valid.documents.clone(),
        );
        let code = on_store!(&self.store, ops, pool => ops::audited_step(pool, async |w| {
            if let Some(key) = &idempotency_key {
                // Checked again holding the key's lock: two retries racing each other.
                w.lock_key(&format!("registration:{}:{key}", actor.user_id)).await?;
                if let Some(code) = ops::code_by_idempotency_key(w.tx(), &actor.user_id, key).await? {
                    // The first registration's request is the answer; this write keeps nothing.
                    w.roll_back();
                    return Ok((TrackingCode::parse(&code)?, false));
                }
            }
            let mut claimed = None;
            for _ in 0..CODE_ATTEMPTS {
                let candidate = self.codes.next_code();
                if ops::claim_tracking_code(w.tx(), candidate.as_str(), "request", now).await? {
                    claimed = Some(candidate);
                    break;
                }
                tracing::warn!("tracking code collision; drawing another");
            }
            let Some(code) = claimed else {
                return Err(Error::Storage("no free tracking code".to_owned()));
            };
            row.tracking_code = code.as_str().to_owned();
            let new_row = NewRequestRow {
                row: row.clone(),
                letter_number_key,
                search_key: valid.search_key,
                document_ids: valid.document_ids,
                idempotency_key: idempotency_key.clone(),
            };
            ops::insert_request(w.tx(), &new_row).await?;
            ops::mark_request_registration(w.tx(), &id, &pin_hash(code.as_str(), &pin), channel)
                .await?;
            ops::insert_transition(w.tx(), &transition).await?;
            if let Some(message) = registration_message(&row, &code, &pin, portal.as_deref(), now) {
                ops::insert_outbox(w.tx(), &message).await?;
            }
            w.audit(AuditDraft {
                at: now,
                user_id: Some(actor.user_id.clone()),
                action: "request.register".to_owned(),
                entity: "request".to_owned(),
                entity_id: Some(id.clone()),
                detail: json!({ "tracking_code": code.as_str(), "channel": channel }),
            }).await?;
            if let Some(letter) = &letter {
                // The agency's letter, stored and audited as a desk's attachment is.
                ops::insert_stored_file(w.tx(), &letter.row(&actor.user_id, now)).await?;
                let position = ops::insert_request_file(
                    w.tx(), &id, FilePurpose::Letter.as_str(), &letter.id, &letter.title,
                ).await?.unwrap_or(1);
                w.audit(letter.request_audit(actor, now, &id, &code, FilePurpose::Letter, position))
                    .await?;
            }
            if let (Some(until), Some(key)) = (keep_pin_until, &idempotency_key) {
                ops::forget_expired_receipt_pins(w.tx(), now).await?;
                ops::keep_receipt_pin(w.tx(), &actor.user_id, key, code.as_str(), &pin, until)
                    .await?;
            }
            Ok((code, true))
        }).await)?;
        let (code, registered) = code;
        if !registered {
            return self.load_view(actor, &code).await;
        }
        // Answered from what is in hand: the rows just written and those validation read.
        row.tracking_code = code.as_str().to_owned();
        let page = RequestPageRows {
            request: row,
            requesting: Some(requesting),
            destination,
            documents,
            history: vec![transition],
        };
        let mut view = self.view_of(actor, &[], &code, page)?;
        view.tracking_pin = Some(pin);
        Ok(view)
    }

    /// A request by its tracking code, typed in any digits with or without dashes.
    /// An auditor's look at a request's personal details is itself recorded in the audit log.
    pub async fn request_by_code(&self, actor: &Actor, code: &str) -> Result<RequestView> {
        self.authorize(actor, READERS).await?;
        let code = TrackingCode::parse(code)?;
        let view = self.load_view(actor, &code).await?;
        self.record_personal_view(actor, "request", &view.id, &code)
            .await?;
        Ok(view)
    }

    /// An auditor's look at a request's or complaint's personal details goes to the audit log
    /// (`<entity>.view_personal`); other readers' looks are part of their work.
    pub(crate) async fn record_personal_view(
        &self,
        actor: &Actor,
        entity: &str,
        id: &str,
        code: &TrackingCode,
    ) -> Result<()> {
        if actor.role != Role::Auditor {
            return Ok(());
        }
        self.record(AuditDraft {
            at: self.now_micros(),
            user_id: Some(actor.user_id.clone()),
            action: format!("{entity}.view_personal"),
            entity: entity.to_owned(),
            entity_id: Some(id.to_owned()),
            detail: json!({ "tracking_code": code.as_str() }),
        })
        .await
    }

    /// Takes `action` on the request with tracking code `code`. `expected_version` is the version
    /// the user was looking at; when another desk changed the request since, nothing is applied
    /// and the answer is a conflict. Without it, the version read here is used, which still makes
    /// two simultaneous actions resolve to one success and one conflict.
    pub async fn act(
        &self,
        actor: &Actor,
        code: &str,
        action: Action,
        note: Option<&str>,
        expected_version: Option<i64>,
    ) -> Result<RequestView> {
        self.authorize(actor, crate::service::ANY_ROLE).await?;
        self.ensure_writable(actor).await?;
        let code = TrackingCode::parse(code)?;
        let note = validate::optional_text("note", note, 1000)?;
        // The whole page now: the step is checked against it, and the answer is made from it.
        let mut page = self.read_page(&code).await?;
        let row = page.request.clone();
        let version = expected_version.unwrap_or(row.version);
        if version != row.version {
            if already_applied(&page.history, actor, version, action) {
                // A retry of this very step whose first attempt committed (its answer was lost).
                return self.load_view(actor, &code).await;
            }
            return Err(conflict());
        }
        let facts = facts_of(&row)?;
        let grants = self.grants(actor).await?;
        let (step, grant) = decide_as(actor.role, &grants, action, facts)?;
        let acting_role = grant.map_or(actor.role, |g| g.role);
        let past = past_steps(&page.history)?;
        delegation::separation_of_duties(&past, &actor.user_id, acting_role, action)?;
        if action.requires_note() && note.is_none() {
            return Err(Error::invalid("note", "error-note-required"));
        }
        let priority = Priority::parse("priority", &row.priority)?;
        let return_due = row
            .return_due
            .as_deref()
            .map(|d| JalaliDate::parse("return_due", d))
            .transpose()?;
        let now = self.now_micros();
        let deadline = self
            .deadline(step.to, priority, facts.dispatch_mode, return_due, now)
            .await?;
        let transition = TransitionRow {
            id: uuid::Uuid::now_v7().to_string(),
            request_id: row.id.clone(),
            seq: version + 1,
            action: action.as_str().to_owned(),
            from_status: Some(step.from.as_str().to_owned()),
            to_status: step.to.as_str().to_owned(),
            user_id: actor.user_id.clone(),
            username: actor.username.clone(),
            display_name: actor.display_name.clone(),
            role: acting_role.as_str().to_owned(),
            at: now,
            note: note.clone(),
            acting_for: grant.map(|g| g.for_user_id.clone()),
            acting_for_name: grant.map(|g| g.for_name.clone()),
            delegation_id: grant.map(|g| g.delegation_id.clone()),
        };
        let original = facts.dispatch_mode == DispatchMode::Original;
        // An electronic copy leaves as a certified copy made now and written with the step.
        let ecopy =
            if action == Action::Dispatch && facts.dispatch_mode == DispatchMode::ElectronicCopy {
                let view = self.load_view(actor, &code).await?;
                Some(self.prepare_ecopy(actor, &view, now).await?)
            } else {
                None
            };
        // The destination hears that its copy waits on the portal, with the dispatch.
        let notice = match &ecopy {
            Some(copy) => {
                self.ecopy_notice(&row, &code, &copy.row.file_id, now)
                    .await?
            }
            None => None,
        };
        let message = result_message(&row, &code, step.to, note.as_deref(), now);
        // An original leaving or coming back checks the documents' place and then moves them:
        // those steps queue behind each other; every other step races only on its request row.
        let moves_originals = original && matches!(action, Action::Dispatch | Action::ReceiveBack);
        on_store!(&self.store, ops, pool => ops::audited_write_with(pool, moves_originals, async |w| {
            if !ops::move_request(w.tx(), &row.id, version, step.to.as_str(), deadline, now).await? {
                return Err(conflict());
            }
            if original && action == Action::Dispatch {
                let out = ops::take_documents_out(w.tx(), &row.id).await?;
                if let Some(first) = out.first() {
                    return Err(Error::NotPermitted {
                        message_id: "error-document-already-out",
                        args: [("registry".to_owned(), first.clone())].into_iter().collect(),
                    });
                }
            }
            if action == Action::ReceiveBack {
                ops::bring_documents_back(w.tx(), &row.id).await?;
            }
            ops::insert_transition(w.tx(), &transition).await?;
            if let Some(copy) = &ecopy {
                ops::insert_stored_file(w.tx(), &copy.stored(&actor.user_id)).await?;
                ops::insert_ecopy(w.tx(), &copy.row).await?;
                w.audit(copy.audit.clone()).await?;
            }
            if let Some(notice) = &notice {
                ops::insert_outbox(w.tx(), notice).await?;
            }
            // The applicant hears of a decisive step exactly when it is made, never otherwise.
            if let Some(message) = &message {
                ops::insert_outbox(w.tx(), message).await?;
            }
            w.audit(AuditDraft {
                at: now,
                user_id: Some(actor.user_id.clone()),
                action: format!("request.{}", action.as_str()),
                entity: "request".to_owned(),
                entity_id: Some(row.id.clone()),
                detail: json!({
                    "tracking_code": code.as_str(),
                    "from": step.from.as_str(),
                    "to": step.to.as_str(),
                    "version": version + 1,
                    "note": note,
                    "role": acting_role.as_str(),
                    "acting_for": grant.map(|g| g.for_user_id.as_str()),
                    "delegation": grant.map(|g| g.delegation_id.as_str()),
                }),
            }).await?;
            Ok(())
        }).await)?;
        if moves_originals {
            // The documents' place changed too: read it back.
            return self.load_view(actor, &code).await;
        }
        // Answered from what is in hand: the page read before, with this step applied.
        let r = &mut page.request;
        r.status = step.to.as_str().to_owned();
        r.version = version + 1;
        r.status_since = now;
        r.deadline_at = deadline;
        r.updated_at = now;
        page.history.push(transition);
        self.view_of(actor, &grants, &code, page)
    }

    /// An agency's resubmission after a send-back (`portal_requests.rs` authorizes it and checks
    /// the request is the agency's): the corrected applicant, letter and purpose, checked as at
    /// registration, stored with the step back to `submitted` in one write, at `version`.
    pub(crate) async fn resubmit_corrected(
        &self,
        actor: &Actor,
        code: &TrackingCode,
        page: RequestPageRows,
        correction: (&Applicant, &Letter, &str),
        version: i64,
    ) -> Result<()> {
        self.ensure_writable(actor).await?;
        let row = &page.request;
        if version != row.version {
            return Err(conflict());
        }
        let facts = facts_of(row)?;
        let step = workflow::next_status(Role::Agency, Action::Resubmit, facts)?;
        let mut p = Problems::default();
        let (applicant, letter, purpose) = correction;
        let checked = self.check_correctable(&mut p, applicant, letter, purpose)?;
        p.finish()?;
        let Some((applicant, letter_number, letter_date, purpose)) = checked else {
            return Err(Error::invalid("input", "error-input-unstorable"));
        };
        let priority = Priority::parse("priority", &row.priority)?;
        let return_due = row
            .return_due
            .as_deref()
            .map(|d| JalaliDate::parse("return_due", d))
            .transpose()?;
        let now = self.now_micros();
        let deadline = self
            .deadline(step.to, priority, facts.dispatch_mode, return_due, now)
            .await?;
        let search_key = normalize::search_key(&format!(
            "{} {} {} {} {} {}",
            applicant.name,
            letter_number,
            purpose,
            page.requesting
                .as_ref()
                .map(|o| o.name.as_str())
                .unwrap_or(""),
            page.destination
                .as_ref()
                .map(|o| o.name.as_str())
                .unwrap_or(""),
            page.documents
                .iter()
                .map(|d| format!("{} {}", d.registry_number, d.title))
                .collect::<Vec<_>>()
                .join(" "),
        ));
        let letter_number_key = normalize::identifier(&letter_number).to_lowercase();
        let transition = TransitionRow {
            id: uuid::Uuid::now_v7().to_string(),
            request_id: row.id.clone(),
            seq: version + 1,
            action: Action::Resubmit.as_str().to_owned(),
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
        let date = letter_date.to_string();
        on_store!(&self.store, ops, pool => ops::audited_step(pool, async |w| {
            if !ops::correct_request(
                w.tx(), &row.id, version, &applicant, &letter_number, &letter_number_key, &date,
                &purpose, &search_key,
            ).await? {
                return Err(conflict());
            }
            if !ops::move_request(w.tx(), &row.id, version, step.to.as_str(), deadline, now).await? {
                return Err(conflict());
            }
            ops::insert_transition(w.tx(), &transition).await?;
            w.audit(AuditDraft {
                at: now,
                user_id: Some(actor.user_id.clone()),
                action: "request.resubmit".to_owned(),
                entity: "request".to_owned(),
                entity_id: Some(row.id.clone()),
                detail: json!({
                    "tracking_code": code.as_str(),
                    "from": step.from.as_str(),
                    "to": step.to.as_str(),
                    "version": version + 1,
                    "role": Role::Agency.as_str(),
                    "corrected": ["applicant", "letter", "purpose"],
                }),
            }).await
        }).await)
    }

    async fn load_view(&self, actor: &Actor, code: &TrackingCode) -> Result<RequestView> {
        let page = self.read_page(code).await?;
        let grants = self.grants(actor).await?;
        self.view_of(actor, &grants, code, page)
    }

    /// The request's page as stored now, or "not found".
    pub(crate) async fn read_page(&self, code: &TrackingCode) -> Result<RequestPageRows> {
        on_store!(&self.store, ops, pool => ops::request_page(pool, code.as_str()).await)?
            .ok_or(Error::NotFound { what: "request" })
    }

    /// The page a reader sees, from its rows (read now, or known from the write just made).
    fn view_of(
        &self,
        actor: &Actor,
        grants: &[Grant],
        code: &TrackingCode,
        page: RequestPageRows,
    ) -> Result<RequestView> {
        let RequestPageRows {
            request: row,
            requesting,
            destination,
            documents,
            history,
        } = page;
        let requesting = requesting.ok_or(Error::NotFound {
            what: "organization",
        })?;
        let facts = facts_of(&row)?;
        let now = self.now_micros();
        let history = history
            .into_iter()
            .map(|t| {
                Ok(HistoryEntry {
                    action: t.action,
                    from: t
                        .from_status
                        .as_deref()
                        .map(|s| Status::parse("status", s))
                        .transpose()?,
                    to: Status::parse("status", &t.to_status)?,
                    user: t.username,
                    user_name: t.display_name,
                    role: Role::parse("role", &t.role)?,
                    at: rfc3339(t.at),
                    at_jalali: sanad_core::jalali::format_datetime_tehran(from_micros(t.at)),
                    note: t.note,
                    acting_for: t.acting_for_name,
                    delegation_id: t.delegation_id,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(RequestView {
            tracking_code: code.clone(),
            tracking_code_grouped: code.grouped(),
            status: facts.status,
            version: row.version,
            requesting_org: org_view(requesting),
            destination_org: destination.map(org_view),
            needs_ministry: row.needs_ministry,
            documents: documents.into_iter().map(doc_view).collect(),
            dispatch_mode: facts.dispatch_mode,
            return_due: row
                .return_due
                .as_deref()
                .map(|d| JalaliDate::parse("return_due", d))
                .transpose()?,
            applicant: Applicant {
                name: row.applicant_name,
                national_code: row.applicant_national_code,
                mobile: row.applicant_mobile,
                email: row.applicant_email,
            },
            letter: Letter {
                number: row.letter_number,
                date: row.letter_date,
            },
            purpose: row.purpose,
            priority: Priority::parse("priority", &row.priority)?,
            created_at: rfc3339(row.created_at),
            deadline_at: row.deadline_at.map(rfc3339),
            overdue: row.deadline_at.is_some_and(|d| d < now),
            available_actions: offered(actor.role, grants, facts)
                .iter()
                .map(|a| a.action)
                .collect(),
            actions: offered(actor.role, grants, facts),
            can_print_slip: sanad_core::access::PRINTS_SLIPS.contains(&actor.role)
                && workflow::SLIP_STATES.contains(&facts.status),
            history,
            id: row.id,
            tracking_pin: None,
        })
    }

    /// Checks every field of a new request and refuses with all the bad ones at once (the first
    /// as `field`, the rest in `more`), so the clerk corrects them in one go.
    ///
    /// `documents_of`: the documents must be held for that organization (an agency asking on
    /// the portal picks among its own; any other is "not found"). `problem`: a field already
    /// refused before (the letter's file), reported with the others.
    async fn validate_request(
        &self,
        new: NewRequest,
        documents_of: Option<&str>,
        problem: Option<Error>,
    ) -> Result<ValidRequest> {
        let mut p = Problems::default();
        if let Some(problem) = problem {
            p.add(problem)?;
        }
        let requesting = p.check(self.requesting_org(&new.requesting_org).await)?;
        let requesting_id = requesting
            .as_ref()
            .map(|r| r.id.clone())
            .unwrap_or_default();
        let destination = p
            .check(
                self.destination_org(new.destination_org.as_deref(), &requesting_id)
                    .await,
            )?
            .flatten();
        let documents = p.check(self.request_documents(&new.documents, documents_of).await)?;
        let mode = p.check(DispatchMode::parse("dispatch_mode", &new.dispatch_mode))?;
        let return_due = match mode {
            Some(mode) => p
                .check(self.return_due(mode, new.return_due.as_deref()))?
                .flatten(),
            None => None,
        };
        let (applicant, letter_number, letter_date, purpose) =
            match self.check_correctable(&mut p, &new.applicant, &new.letter, &new.purpose)? {
                Some((a, n, d, pu)) => (Some(a), Some(n), Some(d), Some(pu)),
                None => (None, None, None, None),
            };
        let priority = p.check(Priority::parse("priority", &new.priority))?;
        p.finish()?;
        // Every check passed, so every value is there; the `else` only keeps this total.
        let (
            Some(requesting),
            Some((document_ids, document_titles, document_rows)),
            Some(mode),
            Some(applicant),
            Some(letter_number),
            Some(letter_date),
            Some(purpose),
            Some(priority),
        ) = (
            requesting,
            documents,
            mode,
            applicant,
            letter_number,
            letter_date,
            purpose,
            priority,
        )
        else {
            return Err(Error::invalid("input", "error-input-unstorable"));
        };
        let search_key = normalize::search_key(&format!(
            "{} {} {} {} {} {}",
            applicant.name,
            letter_number,
            purpose,
            requesting.name,
            destination.as_ref().map(|d| d.name.as_str()).unwrap_or(""),
            document_titles.join(" "),
        ));
        Ok(ValidRequest {
            requesting_org_id: requesting.id.clone(),
            needs_ministry: destination.is_some(),
            destination_org_id: destination.as_ref().map(|d| d.id.clone()),
            requesting,
            destination,
            documents: document_rows,
            document_ids,
            mode,
            return_due,
            applicant,
            letter_number,
            letter_date,
            purpose,
            priority,
            search_key,
        })
    }

    /// The fields an agency may correct after a send-back (the applicant, the letter, the
    /// purpose), checked as at registration: each problem goes to `p`; the values when all
    /// passed.
    pub(crate) fn check_correctable(
        &self,
        p: &mut Problems,
        applicant: &Applicant,
        letter: &Letter,
        purpose: &str,
    ) -> Result<Option<(Applicant, String, JalaliDate, String)>> {
        let name = p.check(validate::required_text(
            "applicant.name",
            &applicant.name,
            100,
        ))?;
        let national_code = p.check(validate::national_code(
            "applicant.national_code",
            &applicant.national_code,
        ))?;
        let mobile = p.check(validate::mobile("applicant.mobile", &applicant.mobile))?;
        let email = p
            .check(match applicant.email.as_deref().map(str::trim) {
                None | Some("") => Ok(None),
                Some(e) => validate::email("applicant.email", e).map(Some),
            })?
            .flatten();
        let letter_number =
            p.check(validate::required_text("letter.number", &letter.number, 50))?;
        let letter_date = p.check(JalaliDate::parse("letter.date", &letter.date).and_then(
            |date| {
                if date > JalaliDate::from_utc(self.clock.now()) {
                    Err(Error::invalid("letter.date", "error-letter-date-future"))
                } else {
                    Ok(date)
                }
            },
        ))?;
        let purpose = p.check(validate::required_text("purpose", purpose, 1000))?;
        let (
            Some(name),
            Some(national_code),
            Some(mobile),
            Some(letter_number),
            Some(letter_date),
            Some(purpose),
        ) = (
            name,
            national_code,
            mobile,
            letter_number,
            letter_date,
            purpose,
        )
        else {
            return Ok(None);
        };
        let applicant = Applicant {
            name,
            national_code,
            mobile,
            email,
        };
        Ok(Some((applicant, letter_number, letter_date, purpose)))
    }

    /// The requesting organization: one that exists and may request.
    async fn requesting_org(&self, id: &str) -> Result<OrgRow> {
        // None picked is a field left empty, not an organization that cannot be found.
        if id.trim().is_empty() {
            return Err(Error::invalid("requesting_org", "error-required"));
        }
        let id = record_id(id)
            .ok_or_else(|| Error::invalid("requesting_org", "error-not-found-organization"))?;
        let org = on_store!(&self.store, ops, pool => ops::org_by_id(pool, id).await)?
            .ok_or_else(|| Error::invalid("requesting_org", "error-not-found-organization"))?;
        if !workflow::REQUESTING_KINDS
            .iter()
            .any(|k| k.as_str() == org.kind)
        {
            return Err(Error::invalid(
                "requesting_org",
                "error-requesting-org-kind",
            ));
        }
        Ok(org)
    }

    /// The third party a request goes to, if any (none when it is the requesting one).
    async fn destination_org(
        &self,
        id: Option<&str>,
        requesting_id: &str,
    ) -> Result<Option<OrgRow>> {
        let id = match id.map(str::trim) {
            None | Some("") => return Ok(None),
            Some(id) if id == requesting_id => return Ok(None),
            Some(id) => record_id(id)
                .ok_or_else(|| Error::invalid("destination_org", "error-not-found-organization"))?,
        };
        let org = on_store!(&self.store, ops, pool => ops::org_by_id(pool, id).await)?
            .ok_or_else(|| Error::invalid("destination_org", "error-not-found-organization"))?;
        if org.kind != OrgKind::ThirdParty.as_str() {
            return Err(Error::invalid(
                "destination_org",
                "error-destination-must-be-third-party",
            ));
        }
        Ok(Some(org))
    }

    /// The documents asked for, each once and each in the register: their ids, titles and rows.
    async fn request_documents(
        &self,
        ids: &[String],
        documents_of: Option<&str>,
    ) -> Result<(Vec<String>, Vec<String>, Vec<DocRow>)> {
        if ids.is_empty() {
            return Err(Error::invalid("documents", "error-documents-required"));
        }
        if ids.len() > MAX_DOCUMENTS {
            return Err(Error::invalid_with(
                "documents",
                "error-documents-too-many",
                &[("max", MAX_DOCUMENTS.to_string())],
            ));
        }
        let mut document_ids = Vec::with_capacity(ids.len());
        let mut document_titles = Vec::new();
        let mut document_rows = Vec::new();
        for id in ids {
            let id = record_id(id)
                .ok_or_else(|| Error::invalid("documents", "error-not-found-document"))?
                .to_owned();
            if document_ids.contains(&id) {
                return Err(Error::invalid("documents", "error-document-repeated"));
            }
            let doc = on_store!(&self.store, ops, pool => ops::doc_by_id(pool, &id).await)?
                .filter(|d| {
                    documents_of.is_none_or(|org| d.organization_id.as_deref() == Some(org))
                })
                .ok_or_else(|| Error::invalid("documents", "error-not-found-document"))?;
            document_titles.push(format!("{} {}", doc.registry_number, doc.title));
            document_ids.push(id);
            document_rows.push(doc);
        }
        Ok((document_ids, document_titles, document_rows))
    }

    /// An original's return date: required, and after today; other modes have none.
    fn return_due(&self, mode: DispatchMode, text: Option<&str>) -> Result<Option<JalaliDate>> {
        match (mode, text.map(str::trim)) {
            (DispatchMode::Original, None | Some("")) => {
                Err(Error::invalid("return_due", "error-return-due-required"))
            }
            (DispatchMode::Original, Some(text)) => {
                let due = JalaliDate::parse("return_due", text)?;
                let today = JalaliDate::from_utc(self.clock.now());
                if due <= today {
                    return Err(Error::invalid("return_due", "error-return-due-past"));
                }
                Ok(Some(due))
            }
            (_, None | Some("")) => Ok(None),
            (_, Some(_)) => Err(Error::invalid("return_due", "error-return-due-not-allowed")),
        }
    }
}

/// The e-mail a step sends the applicant, if the step is one they are told of and they gave an
/// address: approved, rejected, sent back for correction, dispatched.
fn result_message(
    row: &RequestRow,
    code: &TrackingCode,
    to: Status,
    note: Option<&str>,
    at: i64,
) -> Option<crate::store::OutboxRow> {
    let email = row.applicant_email.as_deref()?;
    let event = match to {
        Status::Approved => "request-approved",
        Status::Rejected => "request-rejected",
        Status::Correction => "request-correction",
        Status::Dispatched => "request-dispatched",
        _ => return None,
    };
    let args = [
        ("name", row.applicant_name.clone()),
        crate::outbox::code_arg(code),
        ("note", note.unwrap_or_default().to_owned()),
    ];
    Some(crate::outbox::compose(
        "request", &row.id, event, email, &args, at,
    ))
}

/// The e-mail that gives the applicant, if they gave an address, the tracking code and its PIN
/// (the PIN is masked in the outbox once the message is sent), and where to follow it up.
fn registration_message(
    row: &RequestRow,
    code: &TrackingCode,
    pin: &str,
    portal: Option<&str>,
    at: i64,
) -> Option<crate::store::OutboxRow> {
    let email = row.applicant_email.as_deref()?;
    let args = [
        ("name", row.applicant_name.clone()),
        crate::outbox::code_arg(code),
        ("portal", portal.unwrap_or("none").to_owned()),
    ];
    Some(crate::outbox::compose_with_secret(
        "request",
        &row.id,
        "request-registered",
        email,
        &args,
        ("pin", pin.to_owned()),
        at,
    ))
}

/// A record id as a caller passed it (a UUID), trimmed; `None` when it cannot be one, so text
/// such as a NUL byte never reaches the database as an id.
pub(crate) fn record_id(id: &str) -> Option<&str> {
    let id = id.trim();
    let plausible =
        (1..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    plausible.then_some(id)
}

/// The desk's idempotency key, checked: short, plain ASCII (a UUID fits), or none.
pub(crate) fn idempotency_key(key: Option<&str>) -> Result<Option<String>> {
    let Some(key) = key.map(str::trim).filter(|k| !k.is_empty()) else {
        return Ok(None);
    };
    let plain = key
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !(8..=100).contains(&key.len()) || !plain {
        return Err(Error::invalid("idempotency_key", "error-idempotency-key"));
    }
    Ok(Some(key.to_owned()))
}

/// Whether the step from `version` was `action` taken by `actor`: then a repeat of it with that
/// expected version is the same step sent twice, not a competing change.
fn already_applied(history: &[TransitionRow], actor: &Actor, version: i64, action: Action) -> bool {
    history
        .iter()
        .any(|t| t.seq == version + 1 && t.user_id == actor.user_id && t.action == action.as_str())
}

/// Which role `role`'s holder takes `action` in: their own when it allows the step, otherwise
/// the first delegation in force for them whose role does. Without either, the refusal the own
/// role gets, or, when a delegated role may take the step but not in this state, that state
/// refusal (the acting director is told the request is no longer awaiting the director).
fn decide_as(
    role: Role,
    grants: &[Grant],
    action: Action,
    facts: RequestFacts,
) -> Result<(workflow::Transition, Option<&Grant>)> {
    let mut refusal = match workflow::next_status(role, action, facts) {
        Ok(step) => return Ok((step, None)),
        Err(e) => e,
    };
    for g in grants {
        match workflow::next_status(g.role, action, facts) {
            Ok(step) => return Ok((step, Some(g))),
            Err(e) if workflow::roles_for(action).contains(&g.role) => refusal = e,
            Err(_) => {}
        }
    }
    Err(refusal)
}

/// The steps a reader may take now: their own role's, and those of the roles delegated to them.
fn offered(role: Role, grants: &[Grant], facts: RequestFacts) -> Vec<workflow::AvailableAction> {
    let mut all = workflow::offered_actions(role, facts);
    for g in grants {
        for a in workflow::offered_actions(g.role, facts) {
            if !all.iter().any(|x| x.action == a.action) {
                all.push(a);
            }
        }
    }
    all
}

/// The history as the separation of duties reads it (register and the like are not decisions
/// and do not parse as actions: they are left out).
fn past_steps(history: &[TransitionRow]) -> Result<Vec<delegation::PastStep<'_>>> {
    history
        .iter()
        .filter_map(|t| {
            let action = Action::parse("action", &t.action).ok()?;
            Some(
                Role::parse("role", &t.role).map(|role| delegation::PastStep {
                    user_id: &t.user_id,
                    role,
                    action,
                }),
            )
        })
        .collect()
}

fn conflict() -> Error {
    Error::Conflict {
        message_id: "error-conflict-request-changed",
    }
}

pub(crate) fn facts_of(row: &RequestRow) -> Result<RequestFacts> {
    Ok(RequestFacts {
        status: Status::parse("status", &row.status)?,
        dispatch_mode: DispatchMode::parse("dispatch_mode", &row.dispatch_mode)?,
        needs_ministry: row.needs_ministry,
    })
}

pub(crate) fn rfc3339(us: i64) -> String {
    from_micros(us).to_rfc3339_opts(SecondsFormat::Secs, true)
}
