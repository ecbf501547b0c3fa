//! `sanad notice add|list|cancel`.

use sanad_i18n::Localizer;
use sanad_service::{NewNotice, Notice, NoticeKind, Service};

use super::sign_in;
use crate::args::{Cli, NoticeCommand};
use crate::output::print_json;
use crate::CliError;

pub async fn notice(
    cli: &Cli,
    l10n: &Localizer,
    service: &Service,
    command: &NoticeCommand,
) -> Result<(), CliError> {
    let actor = sign_in(cli, l10n, service).await?;
    match command {
        NoticeCommand::Add {
            kind,
            from,
            to,
            text,
            read_only,
        } => {
            let kind = if kind == "disruption" {
                NoticeKind::Disruption
            } else {
                NoticeKind::Maintenance
            };
            let n = service
                .add_notice(
                    &actor,
                    NewNotice {
                        kind,
                        text: text.clone(),
                        starts: from.clone(),
                        ends: to.clone(),
                        read_only: *read_only,
                    },
                )
                .await?;
            if cli.json {
                return print_json(&n);
            }
            println!("{}", l10n.format("cli-notice-added", &[("id", n.id)]));
        }
        NoticeCommand::List { active } => {
            let items = if *active {
                service.active_banners(Some(&actor)).await?
            } else {
                service.notice_board(&actor).await?
            };
            if cli.json {
                return print_json(&items);
            }
            if items.is_empty() {
                println!("{}", l10n.text("cli-notices-empty"));
            }
            for n in &items {
                print_notice(l10n, n);
            }
        }
        NoticeCommand::Cancel { id } => {
            service.cancel_notice(&actor, id).await?;
            println!("{}", l10n.text("cli-notice-cancelled"));
        }
    }
    Ok(())
}

fn print_notice(l10n: &Localizer, n: &Notice) {
    let kind = match n.kind {
        NoticeKind::Maintenance => "notice-kind-maintenance",
        NoticeKind::Disruption => "notice-kind-disruption",
    };
    let mut marks = Vec::new();
    if n.read_only {
        marks.push(l10n.text("cli-notice-read-only"));
    }
    if n.cancelled {
        marks.push(l10n.text("cli-notice-cancelled-mark"));
    }
    let marks = if marks.is_empty() {
        String::new()
    } else {
        format!(" [{}]", marks.join("، "))
    };
    println!(
        "{} | {} | {} — {} | {}{}",
        n.id,
        l10n.text(kind),
        l10n.digits(&n.starts_jalali),
        l10n.digits(&n.ends_jalali),
        n.text,
        marks
    );
}
