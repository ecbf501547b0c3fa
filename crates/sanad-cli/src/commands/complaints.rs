//! `sanad complaint new|show|assign|answer|close|list` and `sanad track CODE`: thin callers of
//! the service's complaint and status-by-code calls.

use sanad_i18n::Localizer;
use sanad_service::{ComplaintQuery, ComplaintView, NewComplaint, Service, TrackStatus};

use super::sign_in;
use crate::args::{Cli, ComplaintCommand};
use crate::output::{code_text, history_line, line, print_json, spelled};
use crate::CliError;

pub async fn complaint(
    cli: &Cli,
    l10n: &Localizer,
    service: &Service,
    command: &ComplaintCommand,
) -> Result<(), CliError> {
    let actor = sign_in(cli, l10n, service).await?;
    let view = match command {
        ComplaintCommand::New {
            kind,
            name,
            mobile,
            email,
            text,
            request,
        } => {
            let view = service
                .register_complaint(
                    &actor,
                    NewComplaint {
                        kind: kind.clone(),
                        name: name.clone(),
                        mobile: mobile.clone(),
                        email: email.clone(),
                        text: text.clone(),
                        request_code: request.clone(),
                    },
                )
                .await?;
            // Like `request new`: scripts need the tracking code.
            return print_json(&view);
        }
        ComplaintCommand::Show { code } => service.complaint_by_code(&actor, code).await?,
        ComplaintCommand::Assign {
            code,
            to,
            expect_version,
        } => {
            service
                .assign_complaint(&actor, code, to, *expect_version)
                .await?
        }
        ComplaintCommand::Answer {
            code,
            text,
            expect_version,
        } => {
            service
                .answer_complaint(&actor, code, text, *expect_version)
                .await?
        }
        ComplaintCommand::Close {
            code,
            note,
            expect_version,
        } => {
            service
                .close_complaint(&actor, code, note.as_deref(), *expect_version)
                .await?
        }
        ComplaintCommand::List {
            status,
            mine,
            limit,
        } => {
            let items = service
                .complaints(
                    &actor,
                    ComplaintQuery {
                        status: status.clone(),
                        mine: *mine,
                        limit: *limit,
                    },
                )
                .await?;
            if cli.json {
                return print_json(&items);
            }
            if items.is_empty() {
                println!("{}", l10n.text("cli-complaints-empty"));
            }
            for c in &items {
                let overdue = if c.overdue {
                    format!(" [{}]", l10n.text("cli-overdue"))
                } else {
                    String::new()
                };
                println!(
                    "{} | {} | {} | {}{}",
                    code_text(l10n, &c.tracking_code_grouped),
                    l10n.text(&spelled("kind", c.kind.as_str())),
                    l10n.text(&spelled("status", c.status.as_str())),
                    c.name,
                    overdue
                );
            }
            return Ok(());
        }
    };
    if cli.json {
        return print_json(&view);
    }
    print_complaint(l10n, &view);
    Ok(())
}

fn print_complaint(l10n: &Localizer, c: &ComplaintView) {
    line(
        l10n,
        "label-tracking-code",
        &code_text(l10n, &c.tracking_code_grouped),
    );
    line(
        l10n,
        "label-complaint-kind",
        &l10n.text(&spelled("kind", c.kind.as_str())),
    );
    line(
        l10n,
        "label-status",
        &l10n.text(&spelled("status", c.status.as_str())),
    );
    line(l10n, "label-person", &c.name);
    let contact: Vec<String> = c
        .mobile
        .iter()
        .map(|m| l10n.digits(m))
        .chain(c.email.iter().cloned())
        .collect();
    line(l10n, "label-contact", &contact.join("، "));
    line(l10n, "label-complaint-text", &c.text);
    if let Some(grouped) = c.request_code_grouped.as_ref().or(c.request_code.as_ref()) {
        line(l10n, "label-linked-request", &code_text(l10n, grouped));
    }
    if let Some(user) = &c.assigned_to {
        line(l10n, "label-assignee", user);
    }
    if let Some(answer) = &c.answer {
        line(l10n, "label-answer", answer);
    }
    println!("{}:", l10n.text("label-history"));
    for h in &c.history {
        history_line(
            l10n,
            &h.at_jalali,
            &h.action,
            &h.user,
            h.role,
            h.note.as_deref(),
        );
    }
}

pub async fn track(
    cli: &Cli,
    l10n: &Localizer,
    service: &Service,
    code: &str,
) -> Result<(), CliError> {
    let actor = sign_in(cli, l10n, service).await?;
    let status = service.track(&actor, code, l10n.lang()).await?;
    if cli.json {
        return print_json(&status);
    }
    print_track(l10n, &status);
    Ok(())
}

fn print_track(l10n: &Localizer, t: &TrackStatus) {
    line(
        l10n,
        "label-tracking-code",
        &format!("\u{2066}{}\u{2069}", t.tracking_code_grouped),
    );
    line(l10n, "label-name-masked", &t.name_masked);
    line(l10n, "label-status", &t.state_text);
    line(l10n, "label-since", &t.since);
    line(l10n, "label-next-step", &t.next_step_text);
}
