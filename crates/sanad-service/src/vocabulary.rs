//! The lists of values a front end offers in its selects, each value with the Fluent message that
//! names it, so the window and the portal never type a role, a state or a kind by hand: a value
//! added to a core enum appears in every list, named in both languages (a test checks each label
//! exists in Persian and English).
//!
//! Public: [`vocabulary`].

use sanad_core::access::Screen;
use sanad_core::model::{
    ComplaintKind, ComplaintStatus, DispatchMode, OrgKind, Priority, Role, Status,
};
use serde::Serialize;
use ts_rs::TS;

use sanad_core::delegation::{BULK_ACTIONS, DELEGABLE_ROLES};
use sanad_core::workflow::AvailableAction;

use crate::{ExportFormat, MailTls, NoticeKind, ReportKind, TlsMode, RECEIPT_PAPERS, SLIP_PAPERS};

/// One value of a select and the Fluent message id of its label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Choice {
    pub value: String,
    pub label_id: String,
}

/// Every list of values a front end offers, in the order it offers them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Vocabulary {
    pub roles: Vec<Choice>,
    pub statuses: Vec<Choice>,
    pub dispatch_modes: Vec<Choice>,
    pub priorities: Vec<Choice>,
    pub org_kinds: Vec<Choice>,
    /// The kinds a request's requesting organization may be (the new-request form's picker).
    pub requesting_org_kinds: Vec<Choice>,
    /// The kinds that may have portal accounts and API tokens (the administration's pickers).
    pub portal_org_kinds: Vec<Choice>,
    pub complaint_kinds: Vec<Choice>,
    pub complaint_statuses: Vec<Choice>,
    pub slip_papers: Vec<Choice>,
    /// The registration receipt's papers (A5 and the 80 mm roll).
    pub receipt_papers: Vec<Choice>,
    pub database_tls_modes: Vec<Choice>,
    pub mail_tls_modes: Vec<Choice>,
    pub notice_kinds: Vec<Choice>,
    pub report_kinds: Vec<Choice>,
    pub export_formats: Vec<Choice>,
    pub screens: Vec<Choice>,
    /// The roles whose steps an administrator may delegate (the delegation form's picker).
    pub delegable_roles: Vec<Choice>,
    /// The steps the queue may apply to several requests at once, approving first, each with
    /// whether it asks for a reason (labelled `action-…`).
    pub bulk_actions: Vec<AvailableAction>,
}

/// The spelling serde gives `value` (the one every front end sends back).
fn spelling<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        // Every type listed here is a unit-variant enum: always a string.
        other => format!("{other:?}"),
    }
}

fn choices<T: Serialize>(values: &[T], label_prefix: &str) -> Vec<Choice> {
    values
        .iter()
        .map(|v| {
            let value = spelling(v);
            let label_id = format!("{label_prefix}{}", value.replace('_', "-"));
            Choice { value, label_id }
        })
        .collect()
}

/// The lists, as the desk's selects and the portal's forms offer them.
pub fn vocabulary() -> Vocabulary {
    Vocabulary {
        roles: choices(Role::ALL, "role-"),
        statuses: choices(Status::ALL, "status-"),
        dispatch_modes: choices(DispatchMode::ALL, "mode-"),
        priorities: choices(Priority::ALL, "priority-"),
        org_kinds: choices(OrgKind::ALL, "kind-"),
        requesting_org_kinds: choices(sanad_core::workflow::REQUESTING_KINDS, "kind-"),
        portal_org_kinds: choices(&crate::portal_accounts::PORTAL_KINDS, "kind-"),
        complaint_kinds: choices(ComplaintKind::ALL, "kind-"),
        complaint_statuses: choices(ComplaintStatus::ALL, "status-"),
        slip_papers: choices(SLIP_PAPERS, "ui-slip-paper-"),
        receipt_papers: choices(RECEIPT_PAPERS, "ui-slip-paper-"),
        // Safest first: an office's server is reached with TLS unless someone chose otherwise.
        database_tls_modes: choices(
            &[TlsMode::Require, TlsMode::VerifyFull, TlsMode::Prefer],
            "ui-db-tls-",
        ),
        mail_tls_modes: choices(
            &[MailTls::Starttls, MailTls::Tls, MailTls::None],
            "ui-mail-tls-",
        ),
        notice_kinds: choices(
            &[NoticeKind::Maintenance, NoticeKind::Disruption],
            "ui-notice-",
        ),
        report_kinds: choices(&ReportKind::ALL, "report-title-"),
        export_formats: choices(&[ExportFormat::Xlsx, ExportFormat::Csv], "ui-report-"),
        screens: choices(Screen::ALL, "ui-nav-"),
        delegable_roles: choices(DELEGABLE_ROLES, "role-"),
        bulk_actions: BULK_ACTIONS
            .iter()
            .map(|&action| AvailableAction {
                action,
                needs_note: action.requires_note(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sanad_i18n::{Lang, Localizer};

    fn all(v: &Vocabulary) -> Vec<&Choice> {
        [
            &v.roles,
            &v.statuses,
            &v.dispatch_modes,
            &v.priorities,
            &v.org_kinds,
            &v.requesting_org_kinds,
            &v.portal_org_kinds,
            &v.complaint_kinds,
            &v.complaint_statuses,
            &v.slip_papers,
            &v.receipt_papers,
            &v.database_tls_modes,
            &v.mail_tls_modes,
            &v.notice_kinds,
            &v.report_kinds,
            &v.export_formats,
            &v.screens,
            &v.delegable_roles,
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    #[test]
    fn every_label_is_a_message_in_both_languages() {
        let v = vocabulary();
        for lang in Lang::ALL {
            let l10n = Localizer::new(lang);
            for choice in all(&v) {
                assert!(
                    l10n.has(&choice.label_id),
                    "{} has no message {} in {lang:?}",
                    choice.value,
                    choice.label_id
                );
            }
        }
    }

    #[test]
    fn values_are_the_spellings_the_core_parses() {
        let v = vocabulary();
        for c in &v.statuses {
            assert!(Status::parse("status", &c.value).is_ok(), "{}", c.value);
        }
        assert_eq!(v.roles.len(), Role::ALL.len());
        assert_eq!(v.database_tls_modes[1].value, "verify-full");
        assert_eq!(v.slip_papers[2].label_id, "ui-slip-paper-80mm");
    }
}
