//! The office's reference data: organizations (agencies, ministries, third parties) and the
//! repository's register of documents.
//!
//! Public functions: `Service::add_organization`, `Service::list_organizations`,
//! `Service::add_document`, `Service::list_documents`. Their SQL: `store/ops/audit.rs`,
//! `store/ops/documents.rs`, `store/ops/organizations.rs`.

use sanad_core::model::{OrgKind, Role};
use sanad_core::{normalize, validate, Error, Result};
use serde_json::json;

use crate::models::{Document, NewDocument, NewOrganization, Organization};
use crate::service::ANY_ROLE;
use crate::store::{on_store, AuditDraft, DocRow, OrgRow};
use crate::{Actor, Service};

/// Who keeps the reference data: the administrator, and the registry clerks who meet new
/// agencies and documents at the desk.
const CATALOG_EDITORS: &[Role] = &[Role::Admin, Role::Clerk];
const LIST_LIMIT: i64 = 200;

impl Service {
    pub async fn add_organization(
        &self,
        actor: &Actor,
        new: NewOrganization,
    ) -> Result<Organization> {
        self.authorize(actor, CATALOG_EDITORS).await?;
        self.ensure_writable(actor).await?;
        let name = validate::required_text("name", &new.name, 200)?;
        let kind = OrgKind::parse("kind", &new.kind)?;
        let national_id = match new.national_id.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(id) => Some(validate::national_id("national_id", id)?),
        };
        let row = OrgRow {
            id: uuid::Uuid::now_v7().to_string(),
            name,
            kind: kind.as_str().to_owned(),
            national_id,
            created_at: self.now_micros(),
        };
        let key = normalize::search_key(&row.name);
        let draft = AuditDraft {
            at: row.created_at,
            user_id: Some(actor.user_id.clone()),
            action: "organization.add".to_owned(),
            entity: "organization".to_owned(),
            entity_id: Some(row.id.clone()),
            detail: json!({ "name": row.name, "kind": row.kind, "national_id": row.national_id }),
        };
        let inserted = on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            let inserted = ops::insert_org(w.tx(), &row, &key).await?;
            if inserted {
                w.audit(draft).await?;
            } else {
                w.roll_back();
            }
            Ok(inserted)
        }).await)?;
        if !inserted {
            return Err(Error::invalid("national_id", "error-national-id-taken"));
        }
        Ok(org_view(row))
    }

    /// Organizations whose name contains `query` (Persian-normalized), by name.
    pub async fn list_organizations(
        &self,
        actor: &Actor,
        query: &str,
    ) -> Result<Vec<Organization>> {
        self.authorize(actor, ANY_ROLE).await?;
        let key = normalize::search_key(query);
        let rows =
            on_store!(&self.store, ops, pool => ops::list_orgs(pool, &key, LIST_LIMIT).await)?;
        Ok(rows.into_iter().map(org_view).collect())
    }

    pub async fn add_document(&self, actor: &Actor, new: NewDocument) -> Result<Document> {
        self.authorize(actor, CATALOG_EDITORS).await?;
        self.ensure_writable(actor).await?;
        let registry_number = normalize::digits_to_ascii(&validate::required_text(
            "registry_number",
            &new.registry_number,
            50,
        )?);
        let title = validate::required_text("title", &new.title, 300)?;
        let property_plate =
            validate::optional_text("property_plate", new.property_plate.as_deref(), 100)?;
        let location = validate::optional_text("location", new.location.as_deref(), 100)?;
        let row = DocRow {
            id: uuid::Uuid::now_v7().to_string(),
            registry_number,
            title,
            property_plate,
            location,
            in_repository: true,
            out_request_id: None,
            created_at: self.now_micros(),
        };
        let key = normalize::search_key(&row.title);
        let draft = AuditDraft {
            at: row.created_at,
            user_id: Some(actor.user_id.clone()),
            action: "document.add".to_owned(),
            entity: "document".to_owned(),
            entity_id: Some(row.id.clone()),
            detail: json!({ "registry_number": row.registry_number, "title": row.title }),
        };
        let inserted = on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            let inserted = ops::insert_doc(w.tx(), &row, &key).await?;
            if inserted {
                w.audit(draft).await?;
            } else {
                w.roll_back();
            }
            Ok(inserted)
        }).await)?;
        if !inserted {
            return Err(Error::invalid(
                "registry_number",
                "error-registry-number-taken",
            ));
        }
        Ok(doc_view(row))
    }

    /// Documents whose registry number or title contains `query`.
    pub async fn list_documents(&self, actor: &Actor, query: &str) -> Result<Vec<Document>> {
        self.authorize(actor, ANY_ROLE).await?;
        let key = normalize::search_key(query);
        let rows =
            on_store!(&self.store, ops, pool => ops::list_docs(pool, &key, LIST_LIMIT).await)?;
        Ok(rows.into_iter().map(doc_view).collect())
    }
}

pub(crate) fn org_view(row: OrgRow) -> Organization {
    Organization {
        kind: OrgKind::parse("kind", &row.kind).unwrap_or(OrgKind::Agency),
        id: row.id,
        name: row.name,
        national_id: row.national_id,
    }
}

pub(crate) fn doc_view(row: DocRow) -> Document {
    Document {
        id: row.id,
        registry_number: row.registry_number,
        title: row.title,
        property_plate: row.property_plate,
        location: row.location,
        in_repository: row.in_repository,
    }
}
