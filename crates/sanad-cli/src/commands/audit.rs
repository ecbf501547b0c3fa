//! `sanad audit verify` and `sanad target list|set`: the audit chain's check and the
//! service-level targets.

use sanad_core::model::Status;
use sanad_i18n::Localizer;
use sanad_service::Service;

use super::sign_in;
use crate::args::{Cli, TargetCommand};
use crate::output::{self, print_json};
use crate::CliError;

/// Exits 0 only when the hash chain is intact.
pub async fn verify(cli: &Cli, l10n: &Localizer, service: &Service) -> Result<(), CliError> {
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

pub async fn target(
    cli: &Cli,
    l10n: &Localizer,
    service: &Service,
    command: &TargetCommand,
) -> Result<(), CliError> {
    let actor = sign_in(cli, l10n, service).await?;
    match command {
        TargetCommand::List => {
            let targets = service.targets(&actor).await?;
            if cli.json {
                return print_json(&targets);
            }
            output::print_targets(l10n, &targets);
        }
        TargetCommand::Set { status, hours } => {
            let status = Status::parse("status", status)?;
            service.set_target(&actor, status, *hours).await?;
            let args = [
                ("status", status.as_str().to_owned()),
                ("hours", hours.to_string()),
            ];
            println!("{}", l10n.format("cli-target-set", &args));
        }
    }
    Ok(())
}
