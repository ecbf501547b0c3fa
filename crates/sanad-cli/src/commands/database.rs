//! `sanad db rekey`, `sanad backup` and `sanad restore`: the database's key and its backups.
//! `sanad db save-password` runs before the database is opened (see `run`).

use sanad_app::files;
use sanad_i18n::Localizer;
use sanad_service::Service;

use super::{file_error, sign_in};
use crate::args::Cli;
use crate::CliError;

pub async fn rekey(cli: &Cli, l10n: &Localizer, service: &Service) -> Result<(), CliError> {
    let actor = sign_in(cli, l10n, service).await?;
    service.rekey(&actor).await?;
    println!("{}", l10n.text("cli-rekeyed"));
    Ok(())
}

pub async fn backup(
    cli: &Cli,
    l10n: &Localizer,
    service: &Service,
    out: &str,
    keychain: bool,
) -> Result<(), CliError> {
    let actor = sign_in(cli, l10n, service).await?;
    let passphrase = backup_passphrase(keychain)?;
    files::write_backup(service, &actor, out, passphrase.as_deref())
        .await
        .map_err(file_error("cli-file-unwritable"))?;
    let args = [("path", out.to_owned())];
    println!("{}", l10n.format("cli-backup-written", &args));
    Ok(())
}

pub async fn restore(
    l10n: &Localizer,
    service: &Service,
    file: &str,
    keychain: bool,
) -> Result<(), CliError> {
    let passphrase = backup_passphrase(keychain)?;
    let report = files::restore_backup(service, file, passphrase.as_deref())
        .await
        .map_err(file_error("cli-file-unreadable"))?;
    let args = [("entries", report.entries.to_string())];
    println!("{}", l10n.format("cli-restored", &args));
    Ok(())
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
