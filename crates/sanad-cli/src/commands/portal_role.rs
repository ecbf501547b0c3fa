//! `sanad portal create-role ROLE`: the PostgreSQL login role the portal connects as, with only
//! the privileges the portal's statements need (`Service::create_portal_role`). Run by the
//! database's owner, as the administrator (`--as`); the new role's password comes from
//! `SANAD_NEW_PASSWORD` (never a flag).
//! On the embedded database it refuses with exit 2: SQLite has no roles.

use sanad_i18n::Localizer;
use sanad_service::Service;

use super::{new_password, sign_in};
use crate::args::{Cli, PortalCommand};
use crate::CliError;

pub async fn portal(
    cli: &Cli,
    l10n: &Localizer,
    service: &Service,
    command: &PortalCommand,
) -> Result<(), CliError> {
    match command {
        PortalCommand::CreateRole { role } => {
            if service.backend_name() != "postgres" {
                return Err(CliError::Usage {
                    message_id: "cli-portal-role-postgres-only",
                    args: vec![],
                });
            }
            let actor = sign_in(cli, l10n, service).await?;
            let password = new_password()?;
            service.create_portal_role(&actor, role, &password).await?;
            println!(
                "{}",
                l10n.format("cli-portal-role-created", &[("role", role.clone())])
            );
        }
    }
    Ok(())
}
