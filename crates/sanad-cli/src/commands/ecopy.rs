//! `sanad ecopy CODE --out FILE.pdf` and the copy half of `sanad verify FILE.pdf`.

use sanad_i18n::Localizer;
use sanad_token::KeySet;

use crate::args::Cli;
use crate::CliError;

pub fn verify_file(
    _cli: &Cli,
    _l10n: &Localizer,
    file: &str,
    _keys: &KeySet,
) -> Result<(), CliError> {
    Err(CliError::Usage {
        message_id: "cli-file-unreadable",
        args: vec![("path", file.to_owned())],
    })
}

pub async fn save(
    _cli: &Cli,
    _l10n: &Localizer,
    _service: &sanad_service::Service,
    _actor: &sanad_service::Actor,
    _code: &str,
    _out: &str,
) -> Result<(), CliError> {
    Err(CliError::Exit(1))
}
