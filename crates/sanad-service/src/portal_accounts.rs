//! Agency accounts (کاربر دستگاه): officers of one organization who sign in on the portal only.
//! The administrator adds them, resets their passwords (a one-time password to change at the
//! next sign-in), deactivates and reactivates them; the password policy, Argon2id and the lockout
//! are the staff's (`users.rs`).
//!
//! Public functions: `Service::add_agency_user`, `Service::list_agency_users`,
//! `Service::reset_agency_password`, `Service::set_agency_user_active`, `Service::portal_login`.
//! Their SQL: `store/ops/users.rs`, `store/ops/portal.rs`, `store/ops/organizations.rs`.

use sanad_core::model::{OrgKind, Role};
use sanad_core::{validate, Error, Result};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use crate::models::User;
use crate::store::{on_store, AuditDraft, UserRow};
use crate::users::{check_username, hash_password, user_view, FrontEnd};
use crate::{Actor, Service};

/// A new agency officer, as the administrator enters them.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct NewAgencyUser {
    pub username: String,
    pub display_name: String,
    /// The agency (an organization of kind `agency`) the officer acts for.
    pub organization_id: String,
    pub password: String,
}

/// An agency officer's account, with the organization it acts for.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
pub struct AgencyAccount {
    #[serde(flatten)]
    #[ts(flatten)]
    pub user: User,
    pub organization_id: String,
    pub organization_name: String,
}

impl Service {
    /// Adds an agency officer bound to one agency. Administrator only.
    pub async fn add_agency_user(
        &self,
        actor: &Actor,
        new: NewAgencyUser,
    ) -> Result<AgencyAccount> {
        self.authorize(actor, &[Role::Admin]).await?;
        let (username, key) = check_username(&new.username)?;
        let display_name = validate::required_text("display_name", &new.display_name, 100)?;
        let org_id = new.organization_id.trim();
        let org = on_store!(&self.store, ops, pool => ops::org_by_id(pool, org_id).await)?
            .filter(|o| portal_kind(&o.kind))
            .ok_or_else(|| Error::invalid("organization_id", "error-portal-org-not-agency"))?;
        self.check_password(&username, &new.password).await?;
        let row = UserRow {
            id: uuid::Uuid::now_v7().to_string(),
            username,
            display_name,
            role: Role::Agency.as_str().to_owned(),
            password_hash: hash_password(&new.password)?,
            active: true,
            must_change_password: false,
            created_at: self.now_micros(),
            locked_until: None,
            organization_id: Some(org.id.clone()),
            config_version: None,
        };
        let draft = AuditDraft {
            at: row.created_at,
            user_id: Some(actor.user_id.clone()),
            action: "user.add".to_owned(),
            entity: "user".to_owned(),
            entity_id: Some(row.id.clone()),
            detail: json!({ "username": row.username, "role": row.role, "organization_id": org.id }),
        };
        let inserted = on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            let inserted = ops::insert_user(w.tx(), &row, &key).await?;
            if inserted {
                w.audit(draft).await?;
            } else {
                w.roll_back();
            }
            Ok(inserted)
        }).await)?;
        if !inserted {
            return Err(Error::invalid("username", "error-username-taken"));
        }
        Ok(AgencyAccount {
            user: user_view(row),
            organization_id: org.id,
            organization_name: org.name,
        })
    }

    /// Every agency officer, active or not, with their agency. Administrator only.
    pub async fn list_agency_users(&self, actor: &Actor) -> Result<Vec<AgencyAccount>> {
        self.authorize(actor, &[Role::Admin]).await?;
        let (users, orgs) = on_store!(&self.store, ops, pool => {
            (ops::list_users(pool).await?, ops::agency_users(pool).await?)
        });
        let names: std::collections::HashMap<String, String> = orgs.into_iter().collect();
        Ok(users
            .into_iter()
            .filter(|u| u.role == Role::Agency.as_str() && !crate::portal_tokens::is_token_user(u))
            .filter_map(|u| {
                let organization_id = u.organization_id.clone()?;
                let organization_name = names.get(&u.id).cloned().unwrap_or_default();
                Some(AgencyAccount {
                    user: user_view(u),
                    organization_id,
                    organization_name,
                })
            })
            .collect())
    }

    /// A one-time password for an agency officer who forgot theirs (the administrator's alone),
    /// to be changed at the next sign-in. Their open portal sessions end.
    pub async fn reset_agency_password(&self, actor: &Actor, username: &str) -> Result<String> {
        self.authorize(actor, &[Role::Admin]).await?;
        let user = self.agency_user_named(username).await?;
        let one_time = self.reset_password(actor, username).await?;
        self.end_portal_sessions_of(&user.id).await?;
        Ok(one_time)
    }

    /// Deactivates or reactivates an agency officer; deactivating ends their portal sessions.
    pub async fn set_agency_user_active(
        &self,
        actor: &Actor,
        username: &str,
        active: bool,
    ) -> Result<User> {
        self.authorize(actor, &[Role::Admin]).await?;
        let user = self.agency_user_named(username).await?;
        let view = self.set_user_active(actor, username, active).await?;
        if !active {
            self.end_portal_sessions_of(&user.id).await?;
        }
        Ok(view)
    }

    /// Signs an agency officer in on the portal; staff accounts are refused here as a wrong
    /// password is (they sign in at a desk).
    pub async fn portal_login(&self, username: &str, password: &str) -> Result<Actor> {
        self.sign_in(username, password, FrontEnd::Portal).await
    }

    /// The agency officer named `username`; a staff account is "not found" here.
    async fn agency_user_named(&self, username: &str) -> Result<UserRow> {
        let user = self.user_named(username).await?;
        if user.role != Role::Agency.as_str() {
            return Err(Error::NotFound { what: "user" });
        }
        Ok(user)
    }

    pub(crate) async fn end_portal_sessions_of(&self, user_id: &str) -> Result<()> {
        on_store!(&self.store, ops, pool => ops::audited_step(pool, async |w| {
            ops::delete_user_portal_sessions(w.tx(), user_id).await
        }).await)
    }
}

/// The organizations that may have portal accounts and API tokens: agencies, which ask for
/// documents, and third parties, which receive certified copies sent to them
/// (`Service::download_ecopy`). A third party's officer registers nothing: the registration
/// accepts only an agency as the requester.
pub(crate) const PORTAL_KINDS: [OrgKind; 2] = [OrgKind::Agency, OrgKind::ThirdParty];

/// Whether an organization of `kind` may have portal accounts and API tokens ([`PORTAL_KINDS`]).
pub(crate) fn portal_kind(kind: &str) -> bool {
    PORTAL_KINDS.iter().any(|k| k.as_str() == kind)
}
