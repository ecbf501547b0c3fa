//! `sanad portal-user add|list|reset-password|deactivate|activate`: the administrator's
//! accounts for agency officers, who sign in on the portal only.

use sanad_i18n::Localizer;
use sanad_service::{NewAgencyUser, Service};

use super::{new_password, sign_in};
use crate::args::{Cli, PortalUserCommand};
use crate::output::print_json;
use crate::CliError;

pub async fn portal_user(
    cli: &Cli,
    l10n: &Localizer,
    service: &Service,
    command: &PortalUserCommand,
) -> Result<(), CliError> {
    let actor = sign_in(cli, l10n, service).await?;
    match command {
        PortalUserCommand::Add {
            username,
            org,
            name,
        } => {
            let new = NewAgencyUser {
                username: username.clone(),
                display_name: name.clone(),
                organization_id: org.clone(),
                password: new_password()?,
            };
            let account = service.add_agency_user(&actor, new).await?;
            if cli.json {
                return print_json(&account);
            }
            let args = [
                ("user", account.user.username.clone()),
                ("org", account.organization_name.clone()),
            ];
            println!("{}", l10n.format("cli-portal-user-added", &args));
        }
        PortalUserCommand::List => {
            let accounts = service.list_agency_users(&actor).await?;
            if cli.json {
                return print_json(&accounts);
            }
            for a in accounts {
                let state = if a.user.active {
                    "cli-portal-user-active"
                } else {
                    "cli-portal-user-inactive"
                };
                println!(
                    "{} | {} | {} | {}",
                    a.user.username,
                    a.user.display_name,
                    a.organization_name,
                    l10n.text(state)
                );
            }
        }
        PortalUserCommand::ResetPassword { username } => {
            let password = service.reset_agency_password(&actor, username).await?;
            if cli.json {
                return print_json(
                    &serde_json::json!({ "username": username, "one_time_password": password }),
                );
            }
            let args = [("user", username.clone()), ("password", password)];
            println!("{}", l10n.format("cli-one-time-password", &args));
            println!("{}", l10n.text("cli-one-time-password-note"));
        }
        PortalUserCommand::Deactivate { username } | PortalUserCommand::Activate { username } => {
            let active = matches!(command, PortalUserCommand::Activate { .. });
            let user = service
                .set_agency_user_active(&actor, username, active)
                .await?;
            if cli.json {
                return print_json(&user);
            }
            let id = if active {
                "cli-user-activated"
            } else {
                "cli-user-deactivated"
            };
            println!("{}", l10n.format(id, &[("user", user.username)]));
        }
    }
    Ok(())
}
