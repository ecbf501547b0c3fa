//! The office's reference data: organizations (agencies, ministries, third parties) and the
//! repository's register of documents.
//!
//! Public functions: `Service::add_organization`, `Service::list_organizations`,
//! `Service::duplicate_organizations`, `Service::add_document`, `Service::list_documents`. Their SQL: `store/ops/audit.rs`,
//! `store/ops/documents.rs`, `store/ops/organizations.rs`.

use sanad_core::model::{OrgKind, Role};
use sanad_core::register_template::{document_fields, DocumentFields};
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
        // One organization per normalized name (Arabic ي/ك, digits, spacing aside) and per
        // national id: the clerk picks by name, and two that read alike cannot be told apart.
        let clash = on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            if let Some(existing) =
                ops::org_clashing(w.tx(), &key, row.national_id.as_deref()).await?
            {
                w.roll_back();
                return Ok(Some(existing));
            }
            if !ops::insert_org(w.tx(), &row, &key).await? {
                w.roll_back();
                return Ok(None);
            }
            w.audit(draft).await?;
            Ok(None)
        }).await)?;
        if let Some(existing) = clash {
            let by_id = row.national_id.is_some() && existing.national_id == row.national_id;
            let (field, message_id) = if by_id {
                ("national_id", "error-national-id-taken")
            } else {
                ("name", "error-organization-name-taken")
            };
            return Err(Error::invalid_with(
                field,
                message_id,
                &[
                    ("name", existing.name),
                    ("national_id", existing.national_id.unwrap_or_default()),
                ],
            ));
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
        let DocumentFields {
            registry_number,
            title,
            property_plate,
            location,
            ..
        } = document_fields(
            &new.registry_number,
            &new.title,
            new.property_plate.as_deref(),
            new.location.as_deref(),
        )?;
        let organization_id = self.document_owner(new.organization_id.as_deref()).await?;
        let row = DocRow {
            id: uuid::Uuid::now_v7().to_string(),
            registry_number,
            title,
            property_plate,
            location,
            in_repository: true,
            out_request_id: None,
            created_at: self.now_micros(),
            organization_id,
        };
        let key = normalize::search_key(&row.title);
        let draft = AuditDraft {
            at: row.created_at,
            user_id: Some(actor.user_id.clone()),
            action: "document.add".to_owned(),
            entity: "document".to_owned(),
            entity_id: Some(row.id.clone()),
            detail: json!({
                "registry_number": row.registry_number, "title": row.title,
                "organization_id": row.organization_id,
            }),
        };
        let clash = on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            if let Some(existing) = ops::doc_by_registry_number(&mut **w.tx(), &row.registry_number).await? {
                w.roll_back();
                return Ok(Some(existing));
            }
            if !ops::insert_doc(w.tx(), &row, &key).await? {
                w.roll_back();
                return Ok(Some(row.clone()));
            }
            w.audit(draft).await?;
            Ok(None)
        }).await)?;
        if let Some(existing) = clash {
            return Err(Error::invalid_with(
                "registry_number",
                "error-registry-number-taken",
                &[
                    ("number", existing.registry_number),
                    ("title", existing.title),
                ],
            ));
        }
        Ok(doc_view(row))
    }

    /// Organizations that read alike (the same normalized name), in groups of two or more, for
    /// the administrator to merge or rename: the check behind `sanad org duplicates`. Documents
    /// cannot be duplicated (their registry number is unique in the database).
    pub async fn duplicate_organizations(&self, actor: &Actor) -> Result<Vec<Vec<Organization>>> {
        self.authorize(actor, &[Role::Admin]).await?;
        let rows = on_store!(&self.store, ops, pool => ops::orgs_with_duplicate_names(pool).await)?;
        let mut groups: Vec<(String, Vec<Organization>)> = Vec::new();
        for (key, row) in rows {
            match groups.last_mut() {
                Some((last, group)) if *last == key => group.push(org_view(row)),
                _ => groups.push((key, vec![org_view(row)])),
            }
        }
        Ok(groups.into_iter().map(|(_, g)| g).collect())
    }

    /// The organization a new document is held for: none, or an agency (an organization that
    /// may request documents) in the register.
    async fn document_owner(&self, id: Option<&str>) -> Result<Option<String>> {
        let id = match id.map(str::trim) {
            None | Some("") => return Ok(None),
            Some(id) => crate::requests::record_id(id)
                .ok_or_else(|| Error::invalid("organization_id", "error-not-found-organization"))?,
        };
        let org = on_store!(&self.store, ops, pool => ops::org_by_id(pool, id).await)?
            .ok_or_else(|| Error::invalid("organization_id", "error-not-found-organization"))?;
        if !sanad_core::workflow::REQUESTING_KINDS
            .iter()
            .any(|k| k.as_str() == org.kind)
        {
            return Err(Error::invalid(
                "organization_id",
                "error-document-owner-kind",
            ));
        }
        Ok(Some(org.id))
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
        organization_id: row.organization_id,
    }
}
