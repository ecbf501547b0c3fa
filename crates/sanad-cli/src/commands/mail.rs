//! `sanad mail set|show|password|deliver|status`: the outbox from the command line.

use sanad_i18n::Localizer;
use sanad_service::{DeliveryState, MailSettings, MailTls, Service};

use super::sign_in;
use crate::args::{Cli, MailCommand};
use crate::output::print_json;
use crate::CliError;

pub async fn mail(
    cli: &Cli,
    l10n: &Localizer,
    service: &Service,
    command: &MailCommand,
) -> Result<(), CliError> {
    let actor = sign_in(cli, l10n, service).await?;
    match command {
        MailCommand::Set {
            host,
            port,
            tls,
            user,
            from,
        } => {
            let tls = match tls.as_str() {
                "none" => MailTls::None,
                "tls" => MailTls::Tls,
                _ => MailTls::Starttls,
            };
            let settings = MailSettings {
                host: host.clone(),
                port: *port,
                tls,
                username: user.clone(),
                from: from.clone(),
            };
            service.set_mail_settings(&actor, settings).await?;
            println!("{}", l10n.text("cli-mail-set"));
        }
        MailCommand::Show => {
            let settings = service.mail_settings(&actor).await?;
            match settings {
                Some(s) if !cli.json => println!(
                    "{}:{} ({:?}) {} {}",
                    s.host,
                    s.port,
                    s.tls,
                    s.username.unwrap_or_default(),
                    s.from
                ),
                Some(s) => print_json(&s)?,
                None => println!("{}", l10n.text("cli-mail-not-set")),
            }
        }
        MailCommand::Password => {
            let password = std::env::var("SANAD_SMTP_PASSWORD").map_err(|_| CliError::Usage {
                message_id: "cli-smtp-password-needed",
                args: vec![],
            })?;
            service.save_smtp_password(&actor, &password).await?;
            println!("{}", l10n.text("cli-smtp-password-saved"));
        }
        MailCommand::Deliver => {
            let report = service.deliver_outbox().await?;
            if cli.json {
                return print_json(&report);
            }
            println!(
                "{}",
                l10n.format(
                    "cli-mail-delivered",
                    &[
                        ("sent", report.sent.to_string()),
                        ("failed", report.failed.to_string()),
                        ("waiting", report.waiting.to_string()),
                    ]
                )
            );
        }
        MailCommand::Status { code } => {
            let items = service.request_notifications(&actor, code).await?;
            if cli.json {
                return print_json(&items);
            }
            for n in &items {
                let state = match n.state {
                    DeliveryState::Sent => "cli-mail-state-sent",
                    DeliveryState::Pending => "cli-mail-state-pending",
                };
                println!(
                    "{} | {} | {} | {}",
                    n.subject,
                    n.recipient,
                    l10n.text(state),
                    l10n.digits(&n.attempts.to_string())
                );
            }
        }
    }
    Ok(())
}
