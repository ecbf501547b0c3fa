//! The PostgreSQL login role the portal connects as (issue 14, least privilege).
//!
//! Public functions: `Service::create_portal_role`. Their SQL: `store/ops/portal_role.rs`.

use sanad_core::model::Role;
use sanad_core::{Error, Result};

use crate::{Actor, Service};

impl Service {
    /// Creates login role `role` with `password` and only the privileges the portal's
    /// statements need. Administrator only, connected as the database's owner, on PostgreSQL.
    pub async fn create_portal_role(&self, actor: &Actor, role: &str, password: &str) -> Result<()> {
        self.authorize(actor, &[Role::Admin]).await?;
        let _ = (role, password);
        Err(Error::invalid("db", "cli-portal-role-postgres-only"))
    }
}
