//! Files the office keeps: scans of the repository's documents (issue 15, item 1) and the
//! agency's letter and enclosures attached to a request (issue 16, item 4). Every file passes
//! `sanad_scan::examine` (recognised by content, fully parsed, nothing active, nothing appended)
//! before a byte is stored; stored files are never changed or removed (triggers refuse it), so a
//! new scan of a document is a new version and the old ones stay listed.
//!
//! Public functions: `Service::attach_scan`, `Service::document_scans`,
//! `Service::attach_request_file`, `Service::request_files`, `Service::kept_file`,
//! `Service::kept_file_thumbnail`, `Service::scan_limit_bytes`, `Service::set_scan_limit`. Their SQL: `store/ops/files.rs`,
//! `store/ops/documents.rs`, `store/ops/requests.rs`, `store/ops/settings.rs`.

use sanad_core::access::{EDITS_CATALOG, REGISTERS_REQUESTS};
use sanad_core::model::Role;
use sanad_core::models::{FilePurpose, KeptFile};
use sanad_core::{validate, Error, Result, TrackingCode};
use sanad_scan::{ScanKind, ScanProblem};
use serde_json::json;

use crate::requests::rfc3339;
use crate::store::{on_store, AuditDraft, NewStoredFile, StoredFileRow};
use crate::{Actor, Service};

/// Staff who may look at kept files: everyone who reads requests, and the administrator who
/// keeps the register.
const READS_FILES: &[Role] = &[
    Role::Clerk,
    Role::Reviewer,
    Role::Director,
    Role::Ministry,
    Role::Auditor,
    Role::Admin,
];

/// The setting that bounds one file, in bytes; 25 MB unless the administrator set it.
const SCAN_LIMIT: &str = "files.max_bytes";
const DEFAULT_SCAN_LIMIT: u64 = 25 * 1024 * 1024;
/// What the administrator may set the limit to, in megabytes.
const SCAN_LIMIT_RANGE_MB: std::ops::RangeInclusive<u64> = 1..=200;

/// A file handed in by a front end: its bytes and the name it had (shown, never trusted).
#[derive(Debug, Clone)]
pub struct IncomingFile {
    pub bytes: Vec<u8>,
    pub original_name: Option<String>,
    pub title: Option<String>,
}

impl Service {
    /// The largest file the register keeps, in bytes.
    pub async fn scan_limit_bytes(&self) -> Result<u64> {
        Ok(self
            .cached_setting(SCAN_LIMIT)
            .await?
            .and_then(|v| v.parse().ok())
            .unwrap_or(DEFAULT_SCAN_LIMIT))
    }

    /// Sets the largest file the register keeps (administrator), in whole megabytes.
    pub async fn set_scan_limit(&self, actor: &Actor, megabytes: &str) -> Result<u64> {
        self.authorize(actor, &[Role::Admin]).await?;
        let mb: u64 = sanad_core::normalize::digits_to_ascii(megabytes.trim())
            .parse()
            .ok()
            .filter(|mb| SCAN_LIMIT_RANGE_MB.contains(mb))
            .ok_or_else(|| {
                Error::invalid_with(
                    "megabytes",
                    "error-scan-limit-range",
                    &[
                        ("min", SCAN_LIMIT_RANGE_MB.start().to_string()),
                        ("max", SCAN_LIMIT_RANGE_MB.end().to_string()),
                    ],
                )
            })?;
        let bytes = mb * 1024 * 1024;
        let draft = AuditDraft {
            at: self.now_micros(),
            user_id: Some(actor.user_id.clone()),
            action: "settings.scan_limit".to_owned(),
            entity: "settings".to_owned(),
            entity_id: Some(SCAN_LIMIT.to_owned()),
            detail: json!({ "max_bytes": bytes }),
        };
        on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            ops::put_setting(w.tx(), SCAN_LIMIT, &bytes.to_string()).await?;
            w.audit(draft).await
        }).await)?;
        Ok(bytes)
    }

    /// Adds a scan of document `document_id` as its next version (clerk, administrator).
    pub async fn attach_scan(
        &self,
        actor: &Actor,
        document_id: &str,
        file: IncomingFile,
    ) -> Result<KeptFile> {
        self.authorize(actor, EDITS_CATALOG).await?;
        self.ensure_writable(actor).await?;
        let doc =
            on_store!(&self.store, ops, pool => ops::doc_by_id(pool, document_id.trim()).await)?
                .ok_or(Error::NotFound { what: "document" })?;
        let scan = self.examine(&file.bytes).await?;
        let title = match file.title.as_deref() {
            Some(t) if !t.trim().is_empty() => validate::required_text("title", t, 200)?,
            _ => doc.title.clone(),
        };
        let original_name = clean_name(file.original_name.as_deref())?;
        let id = uuid::Uuid::now_v7().to_string();
        let at = self.now_micros();
        let stored = NewStoredFile {
            id: &id,
            kind: scan.kind.as_str(),
            size_bytes: scan.size_bytes as i64,
            pages: i64::from(scan.pages),
            sha256: &scan.sha256,
            original_name: original_name.as_deref(),
            content: &file.bytes,
            added_by: &actor.user_id,
            added_at: at,
        };
        let audit = |version: i64| AuditDraft {
            at,
            user_id: Some(actor.user_id.clone()),
            action: "document.attach_scan".to_owned(),
            entity: "document".to_owned(),
            entity_id: Some(doc.id.clone()),
            detail: json!({
                "registry_number": doc.registry_number, "file_id": id, "version": version,
                "kind": scan.kind.as_str(), "pages": scan.pages, "size_bytes": scan.size_bytes,
                "sha256": scan.sha256,
            }),
        };
        let version = on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            ops::insert_stored_file(w.tx(), &stored).await?;
            let Some(version) = ops::insert_document_scan(w.tx(), &doc.id, &id, &title).await? else {
                w.roll_back();
                return Ok(None);
            };
            w.audit(audit(version)).await?;
            Ok(Some(version))
        }).await)?
        .ok_or(Error::Conflict { message_id: "error-conflict-file-attached" })?;
        Ok(kept_new(
            id.clone(),
            &scan,
            original_name,
            title,
            (version, None),
            actor,
            at,
        ))
    }

    /// A document's scans, the current (newest) version first.
    pub async fn document_scans(&self, actor: &Actor, document_id: &str) -> Result<Vec<KeptFile>> {
        self.authorize(actor, READS_FILES).await?;
        let doc =
            on_store!(&self.store, ops, pool => ops::doc_by_id(pool, document_id.trim()).await)?
                .ok_or(Error::NotFound { what: "document" })?;
        let rows = on_store!(&self.store, ops, pool => ops::document_scans(pool, &doc.id).await)?;
        let newest = rows.first().map(|r| r.number);
        Ok(rows
            .into_iter()
            .map(|r| {
                let current = Some(r.number) == newest;
                kept_view(r, current)
            })
            .collect())
    }

    /// Attaches the agency's letter or an enclosure to request `code` (the registry desk), at
    /// registration or later, while the request is open.
    pub async fn attach_request_file(
        &self,
        actor: &Actor,
        code: &str,
        purpose: &str,
        file: IncomingFile,
    ) -> Result<KeptFile> {
        self.authorize(actor, REGISTERS_REQUESTS).await?;
        self.ensure_writable(actor).await?;
        let purpose = FilePurpose::parse("purpose", purpose)?;
        let code = TrackingCode::parse(code)?;
        let request =
            on_store!(&self.store, ops, pool => ops::request_by_code(pool, code.as_str()).await)?
                .ok_or(Error::NotFound { what: "request" })?;
        let status = sanad_core::model::Status::parse("status", &request.status)?;
        if status.is_terminal() {
            return Err(Error::invalid_with(
                "code",
                "error-file-request-closed",
                &[("status", status.as_str().to_owned())],
            ));
        }
        let file = self.examine_request_file(file).await?;
        let at = self.now_micros();
        let stored = file.row(&actor.user_id, at);
        let audit =
            |position: i64| file.request_audit(actor, at, &request.id, &code, purpose, position);
        let position = on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            ops::insert_stored_file(w.tx(), &stored).await?;
            let Some(position) =
                ops::insert_request_file(w.tx(), &request.id, purpose.as_str(), &file.id, &file.title).await?
            else {
                w.roll_back();
                return Ok(None);
            };
            w.audit(audit(position)).await?;
            Ok(Some(position))
        }).await)?
        .ok_or(Error::Conflict {
            message_id: "error-conflict-file-attached",
        })?;
        Ok(file.kept(actor, at, position, purpose))
    }

    /// A request's file (the agency's letter, an enclosure) examined by the register's rules
    /// and ready to store: refused here, before anything is written, when it is not a clean scan.
    pub(crate) async fn examine_request_file(&self, file: IncomingFile) -> Result<ExaminedFile> {
        let scan = self.examine(&file.bytes).await?;
        let title = match file.title.as_deref() {
            Some(t) if !t.trim().is_empty() => validate::required_text("title", t, 200)?,
            _ => String::new(),
        };
        let original_name = clean_name(file.original_name.as_deref())?;
        Ok(ExaminedFile {
            id: uuid::Uuid::now_v7().to_string(),
            scan,
            bytes: file.bytes,
            original_name,
            title,
        })
    }

    /// A request's letter and enclosures, in the order they were attached.
    pub async fn request_files(&self, actor: &Actor, code: &str) -> Result<Vec<KeptFile>> {
        self.authorize(actor, sanad_core::access::READS_REQUESTS)
            .await?;
        let code = TrackingCode::parse(code)?;
        let request =
            on_store!(&self.store, ops, pool => ops::request_by_code(pool, code.as_str()).await)?
                .ok_or(Error::NotFound { what: "request" })?;
        let rows =
            on_store!(&self.store, ops, pool => ops::request_files(pool, &request.id).await)?;
        Ok(rows.into_iter().map(|r| kept_view(r, true)).collect())
    }

    /// One kept file with its bytes, for viewing or saving (staff who read files). A request's
    /// file is read by those who read requests; the administrator reads documents' scans only.
    pub async fn kept_file(&self, actor: &Actor, file_id: &str) -> Result<(KeptFile, Vec<u8>)> {
        self.authorize(actor, READS_FILES).await?;
        let (row, bytes) =
            on_store!(&self.store, ops, pool => ops::stored_file(pool, file_id.trim()).await)?
                .ok_or(Error::NotFound { what: "file" })?;
        if !row.purpose.is_empty() && actor.role == Role::Admin {
            return Err(Error::NotFound { what: "file" });
        }
        Ok((kept_view(row, true), bytes))
    }

    /// The first page of a kept file as a PNG at most `max_side` pixels on its longer side,
    /// drawn by the core (a window shows it as an image, never the file itself).
    pub async fn kept_file_thumbnail(
        &self,
        actor: &Actor,
        file_id: &str,
        max_side: u32,
    ) -> Result<Vec<u8>> {
        let (_, bytes) = self.kept_file(actor, file_id).await?;
        tokio::task::spawn_blocking(move || sanad_scan::thumbnail(&bytes, max_side))
            .await
            .map_err(|e| Error::Storage(format!("thumbnail task: {e}")))?
            .map_err(scan_error)
    }

    async fn examine(&self, bytes: &[u8]) -> Result<sanad_scan::Scan> {
        let limit = self.scan_limit_bytes().await?;
        sanad_scan::examine(bytes, limit).map_err(scan_error)
    }
}

/// A request's file that passed the register's rules, not stored yet: the desk's attachment and
/// the portal's registration store it the same way (`row`, `request_audit`, `kept`).
pub(crate) struct ExaminedFile {
    pub(crate) id: String,
    scan: sanad_scan::Scan,
    bytes: Vec<u8>,
    original_name: Option<String>,
    pub(crate) title: String,
}

impl ExaminedFile {
    /// The `stored_files` row.
    pub(crate) fn row<'a>(&'a self, added_by: &'a str, at: i64) -> NewStoredFile<'a> {
        NewStoredFile {
            id: &self.id,
            kind: self.scan.kind.as_str(),
            size_bytes: self.scan.size_bytes as i64,
            pages: i64::from(self.scan.pages),
            sha256: &self.scan.sha256,
            original_name: self.original_name.as_deref(),
            content: &self.bytes,
            added_by,
            added_at: at,
        }
    }

    /// The audit entry of attaching it to request `request_id` at `position`.
    pub(crate) fn request_audit(
        &self,
        actor: &Actor,
        at: i64,
        request_id: &str,
        code: &TrackingCode,
        purpose: FilePurpose,
        position: i64,
    ) -> AuditDraft {
        AuditDraft {
            at,
            user_id: Some(actor.user_id.clone()),
            action: "request.attach_file".to_owned(),
            entity: "request".to_owned(),
            entity_id: Some(request_id.to_owned()),
            detail: json!({
                "tracking_code": code.as_str(), "file_id": self.id, "position": position,
                "purpose": purpose.as_str(), "kind": self.scan.kind.as_str(),
                "pages": self.scan.pages, "size_bytes": self.scan.size_bytes,
                "sha256": self.scan.sha256,
            }),
        }
    }

    /// The answer once stored at `position`.
    pub(crate) fn kept(
        self,
        actor: &Actor,
        at: i64,
        position: i64,
        purpose: FilePurpose,
    ) -> KeptFile {
        kept_new(
            self.id,
            &self.scan,
            self.original_name,
            self.title,
            (position, Some(purpose)),
            actor,
            at,
        )
    }
}

/// The refusal of a file, as a field error on `file` with the problem's own message.
pub(crate) fn scan_error(problem: ScanProblem) -> Error {
    tracing::info!("file refused: {problem}");
    Error::invalid_with("file", problem.message_id(), &problem.args())
}

/// The name the file had, kept for the clerk's eyes only: the last path component, at most 200
/// characters, no control characters.
fn clean_name(name: Option<&str>) -> Result<Option<String>> {
    let Some(name) = name else { return Ok(None) };
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let cleaned: String = base.chars().filter(|c| !c.is_control()).take(200).collect();
    Ok((!cleaned.trim().is_empty()).then(|| cleaned.trim().to_owned()))
}

/// The answer for a file just stored: what `examine` found, and where it now stands.
fn kept_new(
    id: String,
    scan: &sanad_scan::Scan,
    original_name: Option<String>,
    title: String,
    (number, purpose): (i64, Option<FilePurpose>),
    actor: &Actor,
    at: i64,
) -> KeptFile {
    KeptFile {
        id,
        kind: scan.kind.as_str().to_owned(),
        mime: scan.kind.mime().to_owned(),
        size_bytes: scan.size_bytes as i64,
        pages: scan.pages,
        sha256: scan.sha256.clone(),
        original_name,
        title,
        number: number as u32,
        purpose,
        current: true,
        added_by_name: actor.display_name.clone(),
        added_at: rfc3339(at),
    }
}

fn kept_view(row: StoredFileRow, current: bool) -> KeptFile {
    let kind = ScanKind::parse(&row.kind);
    KeptFile {
        mime: kind
            .map(ScanKind::mime)
            .unwrap_or("application/octet-stream")
            .to_owned(),
        id: row.id,
        kind: row.kind,
        size_bytes: row.size_bytes,
        pages: u32::try_from(row.pages).unwrap_or(0),
        sha256: row.sha256,
        original_name: row.original_name,
        title: row.title,
        number: u32::try_from(row.number).unwrap_or(0),
        purpose: FilePurpose::parse("purpose", &row.purpose).ok(),
        current,
        added_by_name: row.added_by_name,
        added_at: rfc3339(row.added_at),
    }
}
