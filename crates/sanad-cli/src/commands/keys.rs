//! `sanad key init|rotate|revoke|export|import|public|list`: the directorate's signing key. The
//! passphrase of an export file comes from SANAD_KEY_PASSPHRASE (or a prompt), never a flag.

use sanad_i18n::Localizer;
use sanad_service::Service;

use crate::args::{Cli, KeyCommand};
use crate::output::print_json;
use crate::CliError;

pub async fn key(
    cli: &Cli,
    l10n: &Localizer,
    service: &Service,
    command: &KeyCommand,
) -> Result<(), CliError> {
    if let KeyCommand::Public = command {
        // Public: anyone may print it, signed in or not.
        println!("{}", service.published_keys().await?.to_json());
        return Ok(());
    }
    let actor = super::sign_in(cli, l10n, service).await?;
    match command {
        KeyCommand::Init | KeyCommand::Rotate => {
            let kid = if matches!(command, KeyCommand::Init) {
                service.init_signing_key(&actor).await?
            } else {
                service.rotate_signing_key(&actor).await?
            };
            done(cli, l10n, "cli-key-made", &kid)
        }
        KeyCommand::Revoke { kid, from } => {
            service.revoke_signing_key(&actor, kid, from).await?;
            done(cli, l10n, "cli-key-revoked", kid)
        }
        KeyCommand::Export { out } => {
            let passphrase = passphrase(l10n)?;
            let text = service.export_signing_key(&actor, &passphrase).await?;
            std::fs::write(out, text).map_err(|_| CliError::Usage {
                message_id: "cli-file-unwritable",
                args: vec![("path", out.clone())],
            })?;
            done(cli, l10n, "cli-key-exported", out)
        }
        KeyCommand::Import { file } => {
            let text = std::fs::read_to_string(file).map_err(|_| CliError::Usage {
                message_id: "cli-file-unreadable",
                args: vec![("path", file.clone())],
            })?;
            let passphrase = passphrase(l10n)?;
            let kid = service
                .import_signing_key(&actor, &text, &passphrase)
                .await?;
            done(cli, l10n, "cli-key-imported", &kid)
        }
        KeyCommand::List => {
            let keys = service.signing_keys(&actor).await?;
            if cli.json {
                return print_json(&keys);
            }
            for k in keys {
                let state = if k.revoked_from.is_some() {
                    "cli-key-state-revoked"
                } else if k.valid_until.is_some() {
                    "cli-key-state-rotated"
                } else {
                    "cli-key-state-current"
                };
                println!(
                    "{}",
                    l10n.format(
                        "cli-key-line",
                        &[
                            ("kid", k.kid.clone()),
                            ("state", l10n.text(state)),
                            (
                                "here",
                                l10n.text(if k.on_this_desk {
                                    "cli-key-here"
                                } else {
                                    "cli-key-not-here"
                                })
                            ),
                        ],
                    )
                );
            }
            Ok(())
        }
        KeyCommand::Public => Ok(()),
    }
}

fn passphrase(l10n: &Localizer) -> Result<String, CliError> {
    super::secret_from(
        "SANAD_KEY_PASSPHRASE",
        "SANAD_KEY_PASSPHRASE",
        "cli-key-passphrase-needed",
        l10n,
    )
}

fn done(cli: &Cli, l10n: &Localizer, id: &str, what: &str) -> Result<(), CliError> {
    if cli.json {
        return print_json(&serde_json::json!({ "result": what }));
    }
    println!("{}", l10n.format(id, &[("what", what.to_owned())]));
    Ok(())
}
