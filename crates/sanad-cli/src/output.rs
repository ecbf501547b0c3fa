//! What the command line prints: JSON for programs, Persian (or English) lines for people.

use sanad_i18n::Localizer;
use sanad_service::{
    AuditReport, Document, Organization, Page, Queue, RequestSummary, RequestView, StateTarget,
    User,
};
use serde::Serialize;

use crate::CliError;

pub fn print_json<T: Serialize>(value: &T) -> Result<(), CliError> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| sanad_service::Error::Storage(e.to_string()))?;
    println!("{text}");
    Ok(())
}

/// The Fluent id naming a field in messages: `applicant.national_code` → `field-applicant-national-code`.
fn field_message_id(field: &str) -> String {
    format!("field-{}", field.replace(['.', '_'], "-"))
}

pub fn print_error(l10n: &Localizer, error: &CliError, json: bool) {
    let (message, payload) = match error {
        CliError::Service(e) => {
            let message = l10n.message(e.message_id(), &e.args());
            let problems = e.field_problems();
            let line = if problems.is_empty() {
                l10n.format("cli-error-line", &[("message", message)])
            } else {
                // Every bad field, one line each: all of them are corrected in one go.
                problems
                    .iter()
                    .map(|p| {
                        l10n.format(
                            "cli-field-error-line",
                            &[
                                ("field", l10n.text(&field_message_id(&p.field))),
                                ("message", l10n.message(p.message_id, &p.args)),
                            ],
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            let mut payload = serde_json::to_value(e.to_payload()).ok();
            // Each field's message in the chosen language, beside its id.
            if let Some(fields) = payload
                .as_mut()
                .and_then(|p| p.get_mut("fields"))
                .and_then(|f| f.as_array_mut())
            {
                for (entry, problem) in fields.iter_mut().zip(&problems) {
                    if let Some(entry) = entry.as_object_mut() {
                        entry.insert(
                            "message".to_owned(),
                            l10n.message(problem.message_id, &problem.args).into(),
                        );
                    }
                }
            }
            (line, payload)
        }
        CliError::Usage { message_id, args } => {
            let message = l10n.format(message_id, args);
            (
                l10n.format("cli-error-line", &[("message", message)]),
                Some(serde_json::json!({ "code": "usage", "messageId": message_id })),
            )
        }
        CliError::Exit(_) => return,
    };
    if json {
        let value = serde_json::json!({ "error": payload, "message": message });
        eprintln!("{value}");
    } else {
        eprintln!("{message}");
    }
}

pub fn line(l10n: &Localizer, label: &str, value: &str) {
    println!("{}: {}", l10n.text(label), value);
}

/// A tracking code inside Persian text: isolated left-to-right so its groups keep their order.
pub fn code_text(l10n: &Localizer, grouped: &str) -> String {
    format!("\u{2066}{}\u{2069}", l10n.digits(grouped))
}

pub fn print_request(l10n: &Localizer, r: &RequestView) {
    line(
        l10n,
        "label-tracking-code",
        &code_text(l10n, &r.tracking_code_grouped),
    );
    line(
        l10n,
        "label-status",
        &l10n.text(&spelled("status", r.status.as_str())),
    );
    line(l10n, "label-requesting-org", &r.requesting_org.name);
    let destination = r
        .destination_org
        .as_ref()
        .map(|o| o.name.clone())
        .unwrap_or_else(|| l10n.text("label-destination-self"));
    line(l10n, "label-destination-org", &destination);
    let documents: Vec<String> = r
        .documents
        .iter()
        .map(|d| format!("{} {}", l10n.digits(&d.registry_number), d.title))
        .collect();
    line(l10n, "label-documents", &documents.join("، "));
    line(
        l10n,
        "label-dispatch-mode",
        &l10n.text(&spelled("mode", r.dispatch_mode.as_str())),
    );
    if let Some(due) = r.return_due {
        line(l10n, "label-return-due", &l10n.digits(&due.to_string()));
    }
    line(l10n, "label-applicant", &r.applicant.name);
    line(
        l10n,
        "label-letter",
        &format!(
            "{} — {}",
            l10n.digits(&r.letter.number),
            l10n.digits(&r.letter.date)
        ),
    );
    line(l10n, "label-purpose", &r.purpose);
    line(
        l10n,
        "label-priority",
        &l10n.text(&spelled("priority", r.priority.as_str())),
    );
    println!("{}:", l10n.text("label-history"));
    for h in &r.history {
        let note = h
            .note
            .as_deref()
            .map(|n| format!(" — {n}"))
            .unwrap_or_default();
        let role = l10n.text(&spelled("role", h.role.as_str()));
        // A step taken in another's place says so, with the role it was taken in.
        let role = match &h.acting_for {
            Some(name) => l10n.format(
                "history-acting-for",
                &[("role", role), ("name", name.clone())],
            ),
            None => role,
        };
        println!(
            "  {} | {} | {} ({}){}",
            l10n.digits(&h.at_jalali),
            l10n.text(&spelled("action", &h.action)),
            h.user,
            role,
            note
        );
    }
}

/// One step of a request's or a complaint's history: when, what, who in which role, the note.
pub fn history_line(
    l10n: &Localizer,
    at_jalali: &str,
    action: &str,
    user: &str,
    role: sanad_core::model::Role,
    note: Option<&str>,
) {
    let note = note.map(|n| format!(" — {n}")).unwrap_or_default();
    println!(
        "  {} | {} | {} ({}){}",
        l10n.digits(at_jalali),
        l10n.text(&spelled("action", action)),
        user,
        l10n.text(&spelled("role", role.as_str())),
        note
    );
}

pub fn spelled(kind: &str, value: &str) -> String {
    format!("{kind}-{}", value.replace('_', "-"))
}

pub fn print_summaries(l10n: &Localizer, items: &[RequestSummary]) {
    for r in items {
        let overdue = if r.overdue {
            format!(" [{}]", l10n.text("cli-overdue"))
        } else {
            String::new()
        };
        let acting = r
            .acting_for
            .as_ref()
            .map(|name| {
                format!(
                    " [{}]",
                    l10n.format("delegation-acting-for", &[("name", name.clone())])
                )
            })
            .unwrap_or_default();
        println!(
            "{} | {} | {} | {}{}{}",
            code_text(l10n, &r.tracking_code.grouped()),
            l10n.text(&spelled("status", r.status.as_str())),
            r.requesting_org_name,
            r.applicant_name,
            overdue,
            acting
        );
    }
}

pub fn print_queue(l10n: &Localizer, q: &Queue) {
    let total: i64 = q.counts.iter().map(|c| c.count).sum();
    if total == 0 {
        println!("{}", l10n.text("cli-queue-empty"));
        return;
    }
    println!(
        "{}",
        l10n.format(
            "cli-queue-summary",
            &[
                ("total", total.to_string()),
                ("overdue", q.overdue.to_string())
            ]
        )
    );
    print_summaries(l10n, &q.items);
    if let Some(next) = &q.next {
        println!(
            "{}",
            l10n.format("cli-next-page", &[("cursor", next.clone())])
        );
    }
}

pub fn print_search(l10n: &Localizer, page: &Page<RequestSummary>) {
    if page.items.is_empty() {
        println!("{}", l10n.text("cli-search-empty"));
        return;
    }
    print_summaries(l10n, &page.items);
    if let Some(next) = &page.next {
        println!(
            "{}",
            l10n.format("cli-next-page", &[("cursor", next.clone())])
        );
    }
}

pub fn print_users(l10n: &Localizer, users: &[User]) {
    for u in users {
        println!(
            "{} | {} | {}",
            u.username,
            u.display_name,
            l10n.text(&spelled("role", u.role.as_str()))
        );
    }
}

pub fn print_orgs(l10n: &Localizer, orgs: &[Organization]) {
    for o in orgs {
        println!(
            "{} | {} | {}",
            o.id,
            o.name,
            l10n.text(&spelled("kind", o.kind.as_str()))
        );
    }
}

pub fn print_docs(l10n: &Localizer, docs: &[Document]) {
    for d in docs {
        // The owner's id last, when recorded (the agency the document is held for).
        match &d.organization_id {
            Some(org) => println!(
                "{} | {} | {} | {org}",
                d.id,
                l10n.digits(&d.registry_number),
                d.title
            ),
            None => println!(
                "{} | {} | {}",
                d.id,
                l10n.digits(&d.registry_number),
                d.title
            ),
        }
    }
}

pub fn print_audit(l10n: &Localizer, report: &AuditReport) {
    let sealed = [
        ("sealed", report.sealed.to_string()),
        ("pending", report.pending.to_string()),
    ];
    match report.problem.as_deref() {
        Some("unsealed") => {
            let since = report
                .oldest_pending_at
                .as_deref()
                .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
                .map(|t| sanad_core::jalali::format_datetime_tehran(t.with_timezone(&chrono::Utc)))
                .unwrap_or_default();
            let args = [("pending", report.pending.to_string()), ("since", since)];
            eprintln!("{}", l10n.format("cli-audit-unsealed", &args));
            return;
        }
        Some("pending_hash") => {
            eprintln!("{}", l10n.format("cli-audit-pending-changed", &[]));
            return;
        }
        _ => {}
    }
    if report.intact {
        println!("{}", l10n.format("cli-audit-sealed", &sealed));
        println!(
            "{}",
            l10n.format(
                "cli-audit-intact",
                &[("entries", report.entries.to_string())]
            )
        );
    } else {
        eprintln!(
            "{}",
            l10n.format(
                "cli-audit-broken",
                &[
                    ("seq", report.first_broken.unwrap_or_default().to_string()),
                    ("problem", report.problem.clone().unwrap_or_default()),
                ]
            )
        );
    }
}

pub fn print_targets(l10n: &Localizer, targets: &[StateTarget]) {
    for t in targets {
        println!(
            "{}: {}",
            l10n.text(&spelled("status", t.status.as_str())),
            l10n.digits(&t.hours.to_string())
        );
    }
}
