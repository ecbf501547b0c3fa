//! Certified electronic copies (issue 15, item 2): issued when an `electronic_copy` request is
//! dispatched, in the dispatch's own transaction (see `requests::act`), and read back.
//!
//! Public functions: `Service::ecopy_file`. Crate-internal: `Service::prepare_ecopy`,
//! `IssuedCopy`. Their SQL: `store/ops/files.rs`, `store/ops/keys.rs`.

use sanad_core::model::Role;
use sanad_core::models::RequestView;
use sanad_core::{Error, Result, TrackingCode};
use sanad_i18n::{Lang, Localizer};
use sanad_slip::certificate::{Certificate, CertifiedDocument};
use sanad_slip::ecopy::{make_copy, ScanFile};
use sanad_token::TokenKind;
use serde_json::json;

use crate::clock::from_micros;
use crate::store::{on_store, AuditDraft, EcopyRow};
use crate::tokens::{claims_of, sign};
use crate::{Actor, Service};

/// Who may read a certified copy (the same set gives the request page its copy).
const READS_COPIES: &[Role] = sanad_core::access::READS_CERTIFIED_COPIES;

/// A copy made and signed, waiting to be written with the dispatch.
pub(crate) struct IssuedCopy {
    pub row: EcopyRow,
    pub pdf: Vec<u8>,
    pub pages: i64,
    pub audit: AuditDraft,
}

impl Service {
    /// Makes the certified copy of `request` as dispatched at `now` by `actor`: each document's
    /// current scan, the certification page, the signature. Refused, naming the document, when
    /// one has no scan; refused when this desk holds no signing key (a copy is never unsigned).
    pub(crate) async fn prepare_ecopy(
        &self,
        actor: &Actor,
        request: &RequestView,
        now: i64,
    ) -> Result<IssuedCopy> {
        let mut files = Vec::with_capacity(request.documents.len());
        for doc in &request.documents {
            let rows =
                on_store!(&self.store, ops, pool => ops::document_scans(pool, &doc.id).await)?;
            let Some(current) = rows.into_iter().next() else {
                return Err(Error::invalid_with(
                    "documents",
                    "error-ecopy-no-scan",
                    &[("registry", doc.registry_number.clone())],
                ));
            };
            let (_, bytes) =
                on_store!(&self.store, ops, pool => ops::stored_file(pool, &current.id).await)?
                    .ok_or(Error::NotFound { what: "file" })?;
            files.push((doc.clone(), current, bytes));
        }
        let key = self
            .desk_signer()
            .await?
            .ok_or_else(|| Error::invalid("signing_key", "error-ecopy-no-key"))?;
        let office = self.load_office_profile().await?;
        let org_name = |o: &sanad_core::models::Organization| o.name.clone();
        let cert = Certificate {
            directorate: office.directorate_name,
            tracking_code_grouped: request.tracking_code.grouped(),
            requester: org_name(&request.requesting_org),
            destination: request
                .destination_org
                .as_ref()
                .map_or_else(|| org_name(&request.requesting_org), org_name),
            issued_at_jalali: sanad_core::jalali::format_datetime_tehran(from_micros(now)),
            clerk: actor.display_name.clone(),
            documents: files
                .iter()
                .map(|(doc, scan, _)| CertifiedDocument {
                    registry_number: doc.registry_number.clone(),
                    title: doc.title.clone(),
                    pages: u32::try_from(scan.pages).unwrap_or(0),
                    sha256: scan.sha256.clone(),
                })
                .collect(),
        };
        let pages = 1 + files.iter().map(|(_, scan, _)| scan.pages).sum::<i64>();
        let digests = files
            .iter()
            .map(|(_, scan, _)| {
                sanad_token::short_of_hex(&scan.sha256)
                    .map(|d| d.to_vec())
                    .unwrap_or_default()
            })
            .collect();
        let mut claims = claims_of(request, TokenKind::Copy, now, digests);
        claims.dispatched_at = Some(now.div_euclid(1_000_000));
        let scans: Vec<(String, Vec<u8>)> = files
            .into_iter()
            .map(|(_, scan, bytes)| (scan.kind, bytes))
            .collect();
        // Shaping, subsetting and hashing every page is seconds of work: off the async workers.
        let (pdf, token) = tokio::task::spawn_blocking(move || {
            let inputs: Vec<ScanFile<'_>> = scans
                .iter()
                .map(|(kind, bytes)| ScanFile { kind, bytes })
                .collect();
            make_copy(&cert, &inputs, &Localizer::new(Lang::Fa), |pages| {
                claims.pages = pages;
                sign(&claims, &key)
            })
        })
        .await
        .map_err(|e| Error::Storage(format!("copy task: {e}")))?
        .map_err(|e| {
            tracing::error!(error = %e, "the certified copy could not be made");
            Error::invalid_with(
                "documents",
                "error-ecopy-render",
                &[("detail", e.to_string())],
            )
        })?;
        let sha256 = sanad_scan::sha256_hex(&pdf);
        let row = EcopyRow {
            id: uuid::Uuid::now_v7().to_string(),
            request_id: request.id.clone(),
            file_id: uuid::Uuid::now_v7().to_string(),
            sha256: sha256.clone(),
            token: token.clone(),
            issued_by: actor.user_id.clone(),
            issued_at: now,
        };
        let audit = AuditDraft {
            at: now,
            user_id: Some(actor.user_id.clone()),
            action: "request.ecopy".to_owned(),
            entity: "request".to_owned(),
            entity_id: Some(request.id.clone()),
            detail: json!({
                "tracking_code": request.tracking_code.as_str(),
                "ecopy": row.id, "file_id": row.file_id, "sha256": sha256,
                "pages": pages, "size_bytes": pdf.len(), "token": token,
            }),
        };
        Ok(IssuedCopy {
            row,
            pdf,
            pages,
            audit,
        })
    }

    /// The request's certified copy (clerk, auditor): its record and the PDF's bytes.
    pub async fn ecopy_file(&self, actor: &Actor, code: &str) -> Result<(EcopyInfo, Vec<u8>)> {
        self.authorize(actor, READS_COPIES).await?;
        let code = TrackingCode::parse(code)?;
        let request =
            on_store!(&self.store, ops, pool => ops::request_by_code(pool, code.as_str()).await)?
                .ok_or(Error::NotFound { what: "request" })?;
        let copy =
            on_store!(&self.store, ops, pool => ops::current_ecopy(pool, &request.id).await)?
                .ok_or(Error::NotFound { what: "ecopy" })?;
        let (_, bytes) =
            on_store!(&self.store, ops, pool => ops::stored_file(pool, &copy.file_id).await)?
                .ok_or(Error::NotFound { what: "ecopy" })?;
        Ok((
            EcopyInfo {
                tracking_code: code.as_str().to_owned(),
                sha256: copy.sha256,
                token: copy.token,
                issued_at: crate::requests::rfc3339(copy.issued_at),
                issued_at_jalali: sanad_core::jalali::format_datetime_tehran(from_micros(
                    copy.issued_at,
                )),
                size_bytes: bytes.len(),
            },
            bytes,
        ))
    }
}

impl IssuedCopy {
    /// The PDF as a kept file (never changed or removed, like a scan).
    pub(crate) fn stored<'a>(&'a self, added_by: &'a str) -> crate::store::NewStoredFile<'a> {
        crate::store::NewStoredFile {
            id: &self.row.file_id,
            kind: "pdf",
            size_bytes: self.pdf.len() as i64,
            pages: self.pages,
            sha256: &self.row.sha256,
            original_name: None,
            content: &self.pdf,
            added_by,
            added_at: self.row.issued_at,
        }
    }
}

/// A certified copy's record, as `sanad ecopy` reports it.
#[derive(Debug, Clone, serde::Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct EcopyInfo {
    pub tracking_code: String,
    pub sha256: String,
    pub token: String,
    /// RFC 3339, UTC.
    pub issued_at: String,
    /// The same instant in Tehran on the Jalali calendar (`1404/10/30 14:05`, ASCII digits).
    pub issued_at_jalali: String,
    #[ts(type = "number")]
    pub size_bytes: usize,
}
