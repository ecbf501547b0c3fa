//! `sanad init` and `sanad user add|list|reset-password|passwd|deactivate|activate`.

use sanad_i18n::Localizer;
use sanad_service::{InitOutcome, NewUser, Service};

use super::{new_password, password_for, sign_in};
use crate::args::{Cli, UserCommand};
use crate::output::{self, print_json};
use crate::CliError;

/// Creates the first administrator (safe to run again).
pub async fn init(
    cli: &Cli,
    l10n: &Localizer,
    service: &Service,
    admin: &str,
    name: Option<&str>,
) -> Result<(), CliError> {
    let password = password_for(admin, "SANAD_PASSWORD", l10n)?;
    let outcome = service
        .init_admin(admin, name.unwrap_or(admin), &password)
        .await?;
    if cli.json {
        return print_json(&serde_json::json!({ "outcome": outcome }));
    }
    let id = match outcome {
        InitOutcome::Created => "cli-init-created",
        InitOutcome::AlreadyInitialized => "cli-init-existing",
    };
    println!("{}", l10n.format(id, &[("user", admin.to_owned())]));
    Ok(())
}

pub async fn user(
    cli: &Cli,
    l10n: &Localizer,
    service: &Service,
    command: &UserCommand,
) -> Result<(), CliError> {
    if let UserCommand::Passwd = command {
        return passwd(cli, l10n, service).await;
    }
    let actor = sign_in(cli, l10n, service).await?;
    match command {
        UserCommand::Add {
            username,
            role,
            name,
        } => {
            let new = NewUser {
                username: username.clone(),
                display_name: name.clone(),
                role: role.clone(),
                password: new_password()?,
            };
            let user = service.add_user(&actor, new).await?;
            if cli.json {
                return print_json(&user);
            }
            let args = [
                ("user", user.username.clone()),
                ("role", user.role.as_str().to_owned()),
            ];
            println!("{}", l10n.format("cli-user-added", &args));
        }
        UserCommand::List => {
            let users = service.list_users(&actor).await?;
            if cli.json {
                return print_json(&users);
            }
            output::print_users(l10n, &users);
        }
        UserCommand::ResetPassword { username } => {
            let password = service.reset_password(&actor, username).await?;
            if cli.json {
                return print_json(
                    &serde_json::json!({ "username": username, "one_time_password": password }),
                );
            }
            let args = [("user", username.clone()), ("password", password)];
            println!("{}", l10n.format("cli-one-time-password", &args));
            println!("{}", l10n.text("cli-one-time-password-note"));
        }
        UserCommand::Deactivate { username } | UserCommand::Activate { username } => {
            let active = matches!(command, UserCommand::Activate { .. });
            let user = service.set_user_active(&actor, username, active).await?;
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
        UserCommand::Passwd => {}
    }
    Ok(())
}

/// Changes the signed-in user's own password (also a one-time one, which allows nothing else).
async fn passwd(cli: &Cli, l10n: &Localizer, service: &Service) -> Result<(), CliError> {
    let user = cli.as_user.as_deref().ok_or(CliError::Usage {
        message_id: "cli-as-needed",
        args: vec![],
    })?;
    let current = password_for(user, "SANAD_PASSWORD", l10n)?;
    let new = new_password()?;
    let actor = service.login(user, &current).await?;
    service.change_password(&actor, &current, &new).await?;
    println!("{}", l10n.text("cli-password-changed"));
    Ok(())
}
