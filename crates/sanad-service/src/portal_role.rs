//! The PostgreSQL login role the portal connects as (issue 14, least privilege): `sanad portal
//! create-role ROLE`, run by the administrator connected as the database's owner. The role gets
//! only the privileges the portal's statements need; the list, and why each is there, is in
//! `store/ops/portal_role.rs` and ARCHITECTURE.md ("The portal's database role").
//!
//! Public functions: `Service::create_portal_role`. Their SQL: `store/ops/portal_role.rs`.

use sanad_core::model::Role;
use sanad_core::{Error, Result};
use serde_json::json;

use crate::store::{AuditDraft, Store};
use crate::{Actor, Service};

impl Service {
    /// Creates login role `role` with `password` and only the privileges the portal needs.
    /// Administrator only, connected as the database's owner, on PostgreSQL (the embedded
    /// database has no roles: refused as invalid `db`).
    pub async fn create_portal_role(
        &self,
        actor: &Actor,
        role: &str,
        password: &str,
    ) -> Result<()> {
        self.authorize(actor, &[Role::Admin]).await?;
        let Store::Postgres(pool) = &self.store else {
            return Err(Error::invalid("db", "error-portal-role-postgres-only"));
        };
        let plain = role.len() <= 63
            && role.starts_with(|c: char| c.is_ascii_lowercase())
            && role
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !plain || role.starts_with("pg_") {
            return Err(Error::invalid("role", "error-portal-role-name"));
        }
        if password.chars().count() < 12 {
            return Err(Error::invalid_with(
                "password",
                "error-password-too-short",
                &[("min", "12".to_owned())],
            ));
        }
        if crate::store::postgres::role_exists(pool, role).await? {
            return Err(Error::Conflict {
                message_id: "error-portal-role-exists",
            });
        }
        crate::store::postgres::create_portal_role(pool, role, password).await?;
        let draft = AuditDraft {
            at: self.now_micros(),
            user_id: Some(actor.user_id.clone()),
            action: "portal.create_role".to_owned(),
            entity: "database_role".to_owned(),
            entity_id: Some(role.to_owned()),
            detail: json!({}),
        };
        self.record(draft).await?;
        Ok(())
    }
}
