//! `sanad delegation add|list|end`.

use sanad_i18n::Localizer;
use sanad_service::{Delegation, NewDelegation, Service};

use super::sign_in;
use crate::args::{Cli, DelegationCommand};
use crate::output::print_json;
use crate::CliError;

pub async fn delegation(
    cli: &Cli,
    l10n: &Localizer,
    service: &Service,
    command: &DelegationCommand,
) -> Result<(), CliError> {
    let actor = sign_in(cli, l10n, service).await?;
    match command {
        DelegationCommand::Add {
            from,
            to,
            role,
            from_date,
            until,
            order,
            note,
        } => {
            let new = NewDelegation {
                from: from.clone(),
                to: to.clone(),
                role: role.clone(),
                from_date: from_date.clone(),
                until: until.clone(),
                order: order.clone(),
                note: note.clone(),
            };
            // Always JSON: scripts need the id to end it.
            print_json(&service.add_delegation(&actor, new).await?)
        }
        DelegationCommand::List { active } => {
            let items = service.delegations(&actor, *active).await?;
            if cli.json {
                return print_json(&items);
            }
            if items.is_empty() {
                println!("{}", l10n.text("cli-delegations-empty"));
            }
            for d in &items {
                print_delegation(l10n, d);
            }
            Ok(())
        }
        DelegationCommand::End { id } => {
            let d = service.end_delegation(&actor, id).await?;
            if cli.json {
                return print_json(&d);
            }
            println!("{}", l10n.text("cli-delegation-ended-now"));
            Ok(())
        }
    }
}

fn print_delegation(l10n: &Localizer, d: &Delegation) {
    let state = match (&d.ended_jalali, d.active) {
        (Some(at), _) => format!(
            " {}",
            l10n.format("cli-delegation-ended", &[("at", l10n.digits(at))])
        ),
        (None, true) => format!(" {}", l10n.text("cli-delegation-active")),
        (None, false) => String::new(),
    };
    println!(
        "{}",
        l10n.format(
            "cli-delegation-line",
            &[
                ("id", d.id.clone()),
                ("from", d.from_name.clone()),
                ("to", d.to_name.clone()),
                ("role", d.role.as_str().to_owned()),
                ("starts", l10n.digits(&d.starts_jalali)),
                ("ends", l10n.digits(&d.ends_jalali)),
                ("order", d.order_number.clone()),
                ("state", state),
            ],
        )
    );
}
