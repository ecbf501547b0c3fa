//! Each subcommand: read its input, call the service once, print the result.

use std::io::{IsTerminal, Read};

use sanad_core::model::{Action, Status};
use sanad_i18n::Localizer;
use sanad_service::{
    default_database_url, Actor, BackupSecret, InitOutcome, NewDocument, NewOrganization,
    NewRequest, NewUser, PageRequest, SearchQuery, Service,
};

use crate::args::{
    AuditCommand, Cli, Command, DbCommand, DocCommand, OrgCommand, RequestCommand, TargetCommand,
    UserCommand,
};
use crate::output::{self, print_json};
use crate::CliError;

#[path = "calendar.rs"]
mod calendar;
#[path = "complaints.rs"]
mod complaints;
#[path = "mail.rs"]
mod mail;
#[path = "notices.rs"]
mod notices;
#[path = "reports.rs"]
mod reports;
#[path = "slip.rs"]
mod slip;
pub use slip::{PrintersArgs, SlipArgs};

pub async fn run(cli: &Cli, l10n: &Localizer) -> Result<(), CliError> {
    let url = match &cli.db {
        Some(url) => url.clone(),
        None => default_database_url()?,
    };
    if let Command::Db(DbCommand::SavePassword) = cli.command {
        // Saved before connecting: the server may need it to let us in at all.
        let password = secret_from("SANAD_DB_PASSWORD", &url, "cli-db-password-needed", l10n)?;
        Service::save_postgres_password(&url, &password).await?;
        println!("{}", l10n.text("cli-postgres-password-saved"));
        return Ok(());
    }
    let service = Service::open(&url).await?;
    let result = dispatch(cli, l10n, &service).await;
    service.close().await;
    result
}

async fn dispatch(cli: &Cli, l10n: &Localizer, service: &Service) -> Result<(), CliError> {
    match &cli.command {
        Command::Init { admin, name } => {
            let password = password_for(admin, "SANAD_PASSWORD", l10n)?;
            let outcome = service
                .init_admin(admin, name.as_deref().unwrap_or(admin), &password)
                .await?;
            if cli.json {
                return print_json(&serde_json::json!({ "outcome": outcome }));
            }
            let id = match outcome {
                InitOutcome::Created => "cli-init-created",
                InitOutcome::AlreadyInitialized => "cli-init-existing",
            };
            println!("{}", l10n.format(id, &[("user", admin.clone())]));
            Ok(())
        }
        Command::User(UserCommand::Add {
            username,
            role,
            name,
        }) => {
            let actor = sign_in(cli, l10n, service).await?;
            let password = std::env::var("SANAD_NEW_PASSWORD").map_err(|_| CliError::Usage {
                message_id: "cli-new-password-needed",
                args: vec![],
            })?;
            let user = service
                .add_user(
                    &actor,
                    NewUser {
                        username: username.clone(),
                        display_name: name.clone(),
                        role: role.clone(),
                        password,
                    },
                )
                .await?;
            if cli.json {
                return print_json(&user);
            }
            println!(
                "{}",
                l10n.format(
                    "cli-user-added",
                    &[
                        ("user", user.username.clone()),
                        ("role", user.role.as_str().to_owned())
                    ]
                )
            );
            Ok(())
        }
        Command::User(UserCommand::List) => {
            let actor = sign_in(cli, l10n, service).await?;
            let users = service.list_users(&actor).await?;
            if cli.json {
                return print_json(&users);
            }
            output::print_users(l10n, &users);
            Ok(())
        }
        Command::User(UserCommand::ResetPassword { username }) => {
            let actor = sign_in(cli, l10n, service).await?;
            let password = service.reset_password(&actor, username).await?;
            if cli.json {
                return print_json(
                    &serde_json::json!({ "username": username, "one_time_password": password }),
                );
            }
            println!(
                "{}",
                l10n.format(
                    "cli-one-time-password",
                    &[("user", username.clone()), ("password", password)]
                )
            );
            println!("{}", l10n.text("cli-one-time-password-note"));
            Ok(())
        }
        Command::User(UserCommand::Passwd) => {
            let user = cli.as_user.as_deref().ok_or(CliError::Usage {
                message_id: "cli-as-needed",
                args: vec![],
            })?;
            let current = password_for(user, "SANAD_PASSWORD", l10n)?;
            let new = std::env::var("SANAD_NEW_PASSWORD").map_err(|_| CliError::Usage {
                message_id: "cli-new-password-needed",
                args: vec![],
            })?;
            let actor = service.login(user, &current).await?;
            service.change_password(&actor, &current, &new).await?;
            println!("{}", l10n.text("cli-password-changed"));
            Ok(())
        }
        Command::User(
            UserCommand::Deactivate { username } | UserCommand::Activate { username },
        ) => {
            let actor = sign_in(cli, l10n, service).await?;
            let active = matches!(cli.command, Command::User(UserCommand::Activate { .. }));
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
            Ok(())
        }
        Command::Org(OrgCommand::Add {
            name,
            kind,
            national_id,
        }) => {
            let actor = sign_in(cli, l10n, service).await?;
            let org = service
                .add_organization(
                    &actor,
                    NewOrganization {
                        name: name.clone(),
                        kind: kind.clone(),
                        national_id: national_id.clone(),
                    },
                )
                .await?;
            print_json(&org)
        }
        Command::Org(OrgCommand::List { query }) => {
            let actor = sign_in(cli, l10n, service).await?;
            let orgs = service.list_organizations(&actor, query).await?;
            if cli.json {
                return print_json(&orgs);
            }
            output::print_orgs(l10n, &orgs);
            Ok(())
        }
        Command::Doc(DocCommand::Add {
            registry_number,
            title,
            plate,
            location,
        }) => {
            let actor = sign_in(cli, l10n, service).await?;
            let doc = service
                .add_document(
                    &actor,
                    NewDocument {
                        registry_number: registry_number.clone(),
                        title: title.clone(),
                        property_plate: plate.clone(),
                        location: location.clone(),
                    },
                )
                .await?;
            print_json(&doc)
        }
        Command::Doc(DocCommand::List { query }) => {
            let actor = sign_in(cli, l10n, service).await?;
            let docs = service.list_documents(&actor, query).await?;
            if cli.json {
                return print_json(&docs);
            }
            output::print_docs(l10n, &docs);
            Ok(())
        }
        Command::Request(RequestCommand::New {
            file,
            idempotency_key,
        }) => {
            let actor = sign_in(cli, l10n, service).await?;
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
            print_json(&view)
        }
        Command::Request(RequestCommand::Show { code }) => {
            let actor = sign_in(cli, l10n, service).await?;
            let view = service.request_by_code(&actor, code).await?;
            if cli.json {
                return print_json(&view);
            }
            output::print_request(l10n, &view);
            Ok(())
        }
        Command::Request(RequestCommand::Act {
            code,
            action,
            note,
            expect_version,
        }) => {
            let actor = sign_in(cli, l10n, service).await?;
            let action = Action::parse("action", action)?;
            let view = service
                .act(&actor, code, action, note.as_deref(), *expect_version)
                .await?;
            if cli.json {
                return print_json(&view);
            }
            output::print_request(l10n, &view);
            Ok(())
        }
        Command::Queue(page) => {
            let actor = sign_in(cli, l10n, service).await?;
            let queue = service
                .queue(
                    &actor,
                    PageRequest {
                        cursor: page.cursor.clone(),
                        limit: page.limit,
                    },
                )
                .await?;
            if cli.json {
                return print_json(&queue);
            }
            output::print_queue(l10n, &queue);
            Ok(())
        }
        Command::Search(args) => {
            let actor = sign_in(cli, l10n, service).await?;
            let page = service
                .search(
                    &actor,
                    SearchQuery {
                        code: args.code.clone(),
                        org: args.org.clone(),
                        letter: args.letter.clone(),
                        status: args.status.clone(),
                        from: args.from.clone(),
                        to: args.to.clone(),
                        text: args.text.clone(),
                        cursor: args.page.cursor.clone(),
                        limit: args.page.limit,
                    },
                )
                .await?;
            if cli.json {
                return print_json(&page);
            }
            output::print_search(l10n, &page);
            Ok(())
        }
        Command::Audit(AuditCommand::Verify) => {
            let actor = sign_in(cli, l10n, service).await?;
            let report = service.verify_audit(&actor).await?;
            if cli.json {
                print_json(&report)?;
            } else {
                output::print_audit(l10n, &report);
            }
            if report.intact {
                Ok(())
            } else {
                Err(sanad_service::Error::Storage("audit chain broken".to_owned()).into())
            }
        }
        Command::Db(DbCommand::Rekey) => {
            let actor = sign_in(cli, l10n, service).await?;
            service.rekey(&actor).await?;
            println!("{}", l10n.text("cli-rekeyed"));
            Ok(())
        }
        Command::Db(DbCommand::SavePassword) => Ok(()),
        Command::Backup { out, keychain } => {
            let actor = sign_in(cli, l10n, service).await?;
            let passphrase = backup_passphrase(*keychain)?;
            let bytes = service.backup(&actor, backup_secret(&passphrase)).await?;
            std::fs::write(out, bytes).map_err(|_| CliError::Usage {
                message_id: "cli-file-unwritable",
                args: vec![("path", out.clone())],
            })?;
            println!(
                "{}",
                l10n.format("cli-backup-written", &[("path", out.clone())])
            );
            Ok(())
        }
        Command::Restore { file, keychain } => {
            let bytes = std::fs::read(file).map_err(|_| CliError::Usage {
                message_id: "cli-file-unreadable",
                args: vec![("path", file.clone())],
            })?;
            let passphrase = backup_passphrase(*keychain)?;
            let report = service.restore(&bytes, backup_secret(&passphrase)).await?;
            println!(
                "{}",
                l10n.format("cli-restored", &[("entries", report.entries.to_string())])
            );
            Ok(())
        }
        Command::Target(TargetCommand::List) => {
            let actor = sign_in(cli, l10n, service).await?;
            let targets = service.targets(&actor).await?;
            if cli.json {
                return print_json(&targets);
            }
            output::print_targets(l10n, &targets);
            Ok(())
        }
        Command::Slip(args) => slip::slip(cli, l10n, service, args).await,
        Command::Printers(args) => slip::printers(cli, l10n, service, args).await,
        Command::Complaint(command) => complaints::complaint(cli, l10n, service, command).await,
        Command::Track { code } => complaints::track(cli, l10n, service, code).await,
        Command::Holiday(command) => calendar::holiday(cli, l10n, service, command).await,
        Command::Setting(command) => calendar::setting(cli, l10n, service, command).await,
        Command::Overdue(page) => calendar::overdue(cli, l10n, service, page).await,
        Command::Mail(command) => mail::mail(cli, l10n, service, command).await,
        Command::Notice(command) => notices::notice(cli, l10n, service, command).await,
        Command::Report {
            kind,
            from,
            to,
            xlsx,
            csv,
        } => {
            let files = reports::Files {
                xlsx: xlsx.as_deref(),
                csv: csv.as_deref(),
            };
            reports::report(cli, l10n, service, kind, from, to, files).await
        }
        Command::Target(TargetCommand::Set { status, hours }) => {
            let actor = sign_in(cli, l10n, service).await?;
            let status = Status::parse("status", status)?;
            service.set_target(&actor, status, *hours).await?;
            println!(
                "{}",
                l10n.format(
                    "cli-target-set",
                    &[
                        ("status", status.as_str().to_owned()),
                        ("hours", hours.to_string())
                    ]
                )
            );
            Ok(())
        }
    }
}

async fn sign_in(cli: &Cli, l10n: &Localizer, service: &Service) -> Result<Actor, CliError> {
    let user = cli.as_user.as_deref().ok_or(CliError::Usage {
        message_id: "cli-as-needed",
        args: vec![],
    })?;
    let password = password_for(user, "SANAD_PASSWORD", l10n)?;
    Ok(service.login(user, &password).await?)
}

/// The password from `var`, or asked for on the terminal.
fn password_for(user: &str, var: &str, l10n: &Localizer) -> Result<String, CliError> {
    secret_from(var, user, "cli-password-needed", l10n)
}

/// A secret from `var`, or asked for (naming `whose`) on the terminal; `missing` otherwise.
fn secret_from(
    var: &str,
    whose: &str,
    missing: &'static str,
    l10n: &Localizer,
) -> Result<String, CliError> {
    if let Ok(p) = std::env::var(var) {
        return Ok(p);
    }
    if std::io::stdin().is_terminal() {
        let prompt = format!(
            "{} ",
            l10n.format("cli-password-prompt", &[("user", whose.to_owned())])
        );
        if let Ok(p) = rpassword::prompt_password(prompt) {
            return Ok(p);
        }
    }
    Err(CliError::Usage {
        message_id: missing,
        args: vec![],
    })
}

/// The backup passphrase, or `None` for the keychain's backup key.
fn backup_passphrase(keychain: bool) -> Result<Option<String>, CliError> {
    if keychain {
        return Ok(None);
    }
    std::env::var("SANAD_BACKUP_PASSPHRASE")
        .map(Some)
        .map_err(|_| CliError::Usage {
            message_id: "cli-passphrase-needed",
            args: vec![],
        })
}

fn backup_secret(passphrase: &Option<String>) -> BackupSecret<'_> {
    match passphrase {
        Some(p) => BackupSecret::Passphrase(p),
        None => BackupSecret::Keychain,
    }
}

fn read_input(file: &str) -> Result<String, CliError> {
    let unreadable = || CliError::Usage {
        message_id: "cli-file-unreadable",
        args: vec![("path", file.to_owned())],
    };
    let bytes = if file == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|_| unreadable())?;
        bytes
    } else {
        std::fs::read(file).map_err(|_| unreadable())?
    };
    // Said apart from an unreadable file: the file is there, its text is not UTF-8.
    String::from_utf8(bytes).map_err(|_| CliError::Usage {
        message_id: "cli-file-not-utf8",
        args: vec![("path", file.to_owned())],
    })
}
