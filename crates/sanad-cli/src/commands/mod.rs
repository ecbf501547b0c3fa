//! The subcommands, one file per feature: each reads its input, calls one use case (a
//! `Service` method or a `sanad_app` function) and prints the result.

use std::io::{IsTerminal, Read};

use sanad_i18n::Localizer;
use sanad_service::{default_database_url, Actor, Service};

use crate::args::{AuditCommand, Cli, Command, DbCommand};
use crate::CliError;

mod accounts;
mod audit;
mod calendar;
mod catalog;
mod complaints;
mod database;
mod delegations;
mod ecopy;
mod files;
mod keys;
mod mail;
mod notices;
mod portal;
mod portal_role;
mod portal_tokens;
mod register_import;
mod reports;
mod requests;
mod slip;
mod verify;
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
    // `verify --keys` reads the key set it is given and nothing else: no database at all.
    if let Command::Verify(args) = &cli.command {
        if let Some(keys) = &args.keys {
            return verify::offline(cli, l10n, args, keys);
        }
    }
    // Only `init` and `restore` make a database; any other command on a path with none stops
    // here, before a file, a folder or a keychain entry is made (a mistyped SANAD_DB must not
    // become a second, empty office).
    if !matches!(cli.command, Command::Init { .. } | Command::Restore { .. }) {
        sanad_service::require_database(&url)?;
    }
    let service = Service::open(&url).await?;
    let result = dispatch(cli, l10n, &service).await;
    service.close().await;
    result
}

/// One subcommand, to the function of its feature's file.
async fn dispatch(cli: &Cli, l10n: &Localizer, service: &Service) -> Result<(), CliError> {
    match &cli.command {
        Command::Init { admin, name } => {
            accounts::init(cli, l10n, service, admin, name.as_deref()).await
        }
        Command::User(command) => accounts::user(cli, l10n, service, command).await,
        Command::PortalUser(command) => portal::portal_user(cli, l10n, service, command).await,
        Command::PortalToken(command) => {
            portal_tokens::portal_token(cli, l10n, service, command).await
        }
        Command::Portal(command) => portal_role::portal(cli, l10n, service, command).await,
        Command::Org(command) => catalog::org(cli, l10n, service, command).await,
        Command::Doc(command) => catalog::doc(cli, l10n, service, command).await,
        Command::File(command) => {
            let actor = sign_in(cli, l10n, service).await?;
            files::file(l10n, service, &actor, command).await
        }
        Command::Request(command) => requests::request(cli, l10n, service, command).await,
        Command::Key(command) => keys::key(cli, l10n, service, command).await,
        Command::Verify(args) => verify::against_database(cli, l10n, service, args).await,
        Command::Ecopy { code, out } => {
            let actor = sign_in(cli, l10n, service).await?;
            ecopy::save(cli, l10n, service, &actor, code, out).await
        }
        Command::Queue(page) => requests::queue(cli, l10n, service, page).await,
        Command::Search(args) => requests::search(cli, l10n, service, args).await,
        Command::Audit(AuditCommand::Verify) => audit::verify(cli, l10n, service).await,
        Command::Target(command) => audit::target(cli, l10n, service, command).await,
        Command::Db(DbCommand::Rekey) => database::rekey(cli, l10n, service).await,
        // Handled in `run`, before the database is opened.
        Command::Db(DbCommand::SavePassword) => Ok(()),
        Command::Backup { out, keychain } => {
            database::backup(cli, l10n, service, out, *keychain).await
        }
        Command::Restore { file, keychain } => {
            database::restore(l10n, service, file, *keychain).await
        }
        Command::Slip(args) => slip::slip(cli, l10n, service, args).await,
        Command::Printers(args) => slip::printers(cli, l10n, service, args).await,
        Command::Complaint(command) => complaints::complaint(cli, l10n, service, command).await,
        Command::Track {
            code,
            pin: Some(pin),
        } => crate::output::print_json(&service.public_track(code, pin, "cli", l10n.lang()).await?),
        Command::Track { code, pin: None } => complaints::track(cli, l10n, service, code).await,
        Command::Holiday(command) => calendar::holiday(cli, l10n, service, command).await,
        Command::Setting(command) => calendar::setting(cli, l10n, service, command).await,
        Command::Overdue(page) => calendar::overdue(cli, l10n, service, page).await,
        Command::Mail(command) => mail::mail(cli, l10n, service, command).await,
        Command::Notice(command) => notices::notice(cli, l10n, service, command).await,
        Command::Delegation(command) => delegations::delegation(cli, l10n, service, command).await,
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

/// The new password from `SANAD_NEW_PASSWORD` (never a flag: flags show in the process list).
fn new_password() -> Result<String, CliError> {
    std::env::var("SANAD_NEW_PASSWORD").map_err(|_| CliError::Usage {
        message_id: "cli-new-password-needed",
        args: vec![],
    })
}

/// The application layer's failures in the command line's words: a file it could not use is
/// told with `file_message` (unreadable or unwritable) and the path.
fn file_error(file_message: &'static str) -> impl Fn(sanad_app::AppError) -> CliError {
    move |e| match e {
        sanad_app::AppError::Service(e) => e.into(),
        sanad_app::AppError::File { path, .. } => CliError::Usage {
            message_id: file_message,
            args: vec![("path", path)],
        },
        other => CliError::Usage {
            message_id: "cli-unexpected",
            args: vec![("detail", other.to_string())],
        },
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
