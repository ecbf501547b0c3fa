//! `sanad request new|show|act`, `sanad queue` and `sanad search`.

use sanad_core::model::Action;
use sanad_i18n::Localizer;
use sanad_service::{BulkItem, NewRequest, PageRequest, RefusalKind, SearchQuery, Service};

use super::{read_input, sign_in};
use crate::args::{Cli, PageArgs, RequestCommand, SearchArgs};
use crate::output::{self, print_json};
use crate::CliError;

pub async fn request(
    cli: &Cli,
    l10n: &Localizer,
    service: &Service,
    command: &RequestCommand,
) -> Result<(), CliError> {
    let actor = sign_in(cli, l10n, service).await?;
    let view = match command {
        RequestCommand::New {
            file,
            idempotency_key,
            receipt_out,
            paper,
        } => {
            let text = read_input(file)?;
            let mut new: NewRequest = serde_json::from_str(&text).map_err(|e| {
                sanad_service::Error::invalid_with(
                    "request",
                    "error-request-json",
                    &[("detail", e.to_string())],
                )
            })?;
            if idempotency_key.is_some() {
                new.idempotency_key = idempotency_key.clone();
            }
            let view = service.register_request(&actor, new).await?;
            let written = match receipt_out {
                Some(path) => write_receipt(l10n, service, &actor, &view, path, paper).await,
                None => Ok(()),
            };
            // Always JSON, even when the receipt could not be written: scripts need the
            // tracking code, and the PIN is never shown again.
            print_json(&view)?;
            return written;
        }
        RequestCommand::Show { code } => service.request_by_code(&actor, code).await?,
        RequestCommand::Attach { .. } | RequestCommand::Files { .. } => {
            return super::files::request(cli, l10n, service, &actor, command).await;
        }
        RequestCommand::ActMany {
            action,
            codes,
            note,
        } => return act_many(service, &actor, action, codes, note.as_deref()).await,
        RequestCommand::Act {
            code,
            action,
            note,
            expect_version,
        } => {
            let action = Action::parse("action", action)?;
            service
                .act(&actor, code, action, note.as_deref(), *expect_version)
                .await?
        }
    };
    if cli.json {
        return print_json(&view);
    }
    output::print_request(l10n, &view);
    Ok(())
}

/// `request new --receipt-out`: the registration receipt with the PIN the answer carries, in
/// the command's language. A repeat under the same idempotency key carries no PIN: refused.
async fn write_receipt(
    l10n: &Localizer,
    service: &Service,
    actor: &sanad_service::Actor,
    view: &sanad_service::RequestView,
    path: &str,
    paper: &str,
) -> Result<(), CliError> {
    let paper = sanad_app::PaperSize::parse(paper)
        .ok_or_else(|| sanad_service::Error::invalid("paper", "error-slip-paper"))?;
    let receipt = sanad_app::receipt::of_registration(service, actor, view)
        .await
        .map_err(super::slip::slip_error)?
        .ok_or(CliError::Usage {
            message_id: "cli-receipt-pin-gone",
            args: Vec::new(),
        })?;
    sanad_app::receipt::save(&receipt, paper, l10n.lang(), std::path::Path::new(path))
        .map_err(super::slip::slip_error)?;
    Ok(())
}

/// `request act-many`: always JSON (scripts read each request's outcome); the exit status says
/// whether all were applied (0), some refused as not permitted (3) or for conflicts (4).
async fn act_many(
    service: &Service,
    actor: &sanad_service::Actor,
    action: &str,
    codes: &[String],
    note: Option<&str>,
) -> Result<(), CliError> {
    let action = Action::parse("action", action)?;
    let items = codes
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .map(|code| BulkItem {
            code: code.to_owned(),
            expected_version: None,
        })
        .collect();
    let result = service.act_many(actor, items, action, note).await?;
    print_json(&result)?;
    Err(match result.worst() {
        None => return Ok(()),
        Some(RefusalKind::NotPermitted | RefusalKind::SeparationOfDuties) => CliError::Exit(3),
        Some(RefusalKind::Conflict | RefusalKind::StateChanged) => CliError::Exit(4),
        Some(RefusalKind::NotFound) => CliError::Exit(5),
        Some(RefusalKind::Invalid) => CliError::Exit(2),
        Some(RefusalKind::Failed) => CliError::Exit(1),
    })
}

pub async fn queue(
    cli: &Cli,
    l10n: &Localizer,
    service: &Service,
    page: &PageArgs,
) -> Result<(), CliError> {
    let actor = sign_in(cli, l10n, service).await?;
    let page = PageRequest {
        cursor: page.cursor.clone(),
        limit: page.limit,
    };
    let queue = service.queue(&actor, page).await?;
    if cli.json {
        return print_json(&queue);
    }
    output::print_queue(l10n, &queue);
    Ok(())
}

pub async fn search(
    cli: &Cli,
    l10n: &Localizer,
    service: &Service,
    args: &SearchArgs,
) -> Result<(), CliError> {
    let actor = sign_in(cli, l10n, service).await?;
    let query = SearchQuery {
        code: args.code.clone(),
        org: args.org.clone(),
        letter: args.letter.clone(),
        status: args.status.clone(),
        from: args.from.clone(),
        to: args.to.clone(),
        text: args.text.clone(),
        cursor: args.page.cursor.clone(),
        limit: args.page.limit,
    };
    let page = service.search(&actor, query).await?;
    if cli.json {
        return print_json(&page);
    }
    output::print_search(l10n, &page);
    Ok(())
}
