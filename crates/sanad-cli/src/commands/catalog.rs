//! `sanad org add|list|set-email` and `sanad doc add|list`: the organizations and the repository's
//! document register.

use sanad_i18n::Localizer;
use sanad_service::{NewDocument, NewOrganization, Service};

use super::sign_in;
use crate::args::{Cli, DocCommand, OrgCommand};
use crate::output::{self, print_json};
use crate::CliError;

pub async fn org(
    cli: &Cli,
    l10n: &Localizer,
    service: &Service,
    command: &OrgCommand,
) -> Result<(), CliError> {
    let actor = sign_in(cli, l10n, service).await?;
    match command {
        OrgCommand::Add {
            name,
            kind,
            national_id,
        } => {
            let new = NewOrganization {
                name: name.clone(),
                kind: kind.clone(),
                national_id: national_id.clone(),
            };
            // Always JSON: scripts need the id.
            print_json(&service.add_organization(&actor, new).await?)
        }
        OrgCommand::SetEmail { id, email } => {
            let email = service.set_organization_email(&actor, id, email).await?;
            print_json(&serde_json::json!({ "id": id, "email": email }))
        }
        OrgCommand::List { query } => {
            let orgs = service.list_organizations(&actor, query).await?;
            if cli.json {
                return print_json(&orgs);
            }
            output::print_orgs(l10n, &orgs);
            Ok(())
        }
        OrgCommand::Duplicates => {
            let groups = service.duplicate_organizations(&actor).await?;
            if cli.json {
                return print_json(&groups);
            }
            if groups.is_empty() {
                println!("{}", l10n.text("cli-org-duplicates-none"));
            }
            for (i, group) in groups.iter().enumerate() {
                println!(
                    "{}",
                    l10n.format(
                        "cli-org-duplicates-group",
                        &[
                            ("n", (i + 1).to_string()),
                            ("count", group.len().to_string())
                        ]
                    )
                );
                output::print_orgs(l10n, group);
            }
            Ok(())
        }
    }
}

pub async fn doc(
    cli: &Cli,
    l10n: &Localizer,
    service: &Service,
    command: &DocCommand,
) -> Result<(), CliError> {
    let actor = sign_in(cli, l10n, service).await?;
    match command {
        DocCommand::Add {
            registry_number,
            title,
            plate,
            location,
            org,
        } => {
            let new = NewDocument {
                registry_number: registry_number.clone(),
                title: title.clone(),
                property_plate: plate.clone(),
                location: location.clone(),
                organization_id: org.clone(),
            };
            print_json(&service.add_document(&actor, new).await?)
        }
        DocCommand::List { query } => {
            let docs = service.list_documents(&actor, query).await?;
            if cli.json {
                return print_json(&docs);
            }
            output::print_docs(l10n, &docs);
            Ok(())
        }
        DocCommand::Attach { .. } | DocCommand::Files { .. } => {
            super::files::doc(cli, l10n, service, &actor, command).await
        }
        DocCommand::Import { file, apply } => {
            super::register_import::import(cli, l10n, service, &actor, file, *apply).await
        }
        DocCommand::AttachFolder { dir } => {
            super::register_import::attach_folder(cli, l10n, service, &actor, dir).await
        }
    }
}
