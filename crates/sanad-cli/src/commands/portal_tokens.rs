//! `sanad portal-token add|list|revoke|limit`: the administrator's API tokens for agencies' own
//! systems (the portal's `/api/v1`). `add` prints `{"id", "token"}` once: the token is never
//! stored or shown again, so it goes to stdout only (never to a log).

use sanad_i18n::Localizer;
use sanad_service::Service;

use super::sign_in;
use crate::args::{Cli, PortalTokenCommand};
use crate::output::print_json;
use crate::CliError;

pub async fn portal_token(
    cli: &Cli,
    l10n: &Localizer,
    service: &Service,
    command: &PortalTokenCommand,
) -> Result<(), CliError> {
    let actor = sign_in(cli, l10n, service).await?;
    match command {
        PortalTokenCommand::Add { org, name } => {
            let issued = service.issue_portal_token(&actor, org, name).await?;
            // Always JSON: a program takes the token from here.
            print_json(&issued)?;
        }
        PortalTokenCommand::List => {
            let tokens = service.list_portal_tokens(&actor).await?;
            if cli.json {
                return print_json(&tokens);
            }
            for t in tokens {
                let state = if t.revoked {
                    "cli-portal-token-revoked-state"
                } else {
                    "cli-portal-token-active"
                };
                let used = t
                    .last_used_jalali
                    .map(|d| l10n.digits(&d))
                    .unwrap_or_else(|| l10n.text("cli-portal-token-never-used"));
                println!(
                    "{} | {} | {} | {} | {} | {}",
                    t.id,
                    t.label,
                    t.organization_name,
                    l10n.digits(&t.created_jalali),
                    used,
                    l10n.text(state)
                );
            }
        }
        PortalTokenCommand::Revoke { id } => {
            let token = service.revoke_portal_token(&actor, id).await?;
            if cli.json {
                return print_json(&token);
            }
            println!(
                "{}",
                l10n.format("cli-portal-token-revoked", &[("id", token.id)])
            );
        }
        PortalTokenCommand::Limit { calls, seconds } => {
            service.set_api_rate_limit(&actor, *calls, *seconds).await?;
            let args = [
                ("calls", l10n.digits(&calls.to_string())),
                ("seconds", l10n.digits(&seconds.to_string())),
            ];
            println!("{}", l10n.format("cli-portal-token-limit-set", &args));
        }
    }
    Ok(())
}
