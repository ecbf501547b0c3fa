//! Bringing in an office's existing register (issue 15, item 6): a spreadsheet (XLSX) or CSV file
//! with the template's Persian headers (`sanad_core::register_template`), matched to the
//! repository's documents by registry number.
//!
//! [`Service::plan_document_import`] says what the file would add, change and refuse, writing
//! nothing; [`Service::import_documents`] checks it again inside one transaction and writes every
//! row or, when any row is refused, none. Running the same file again changes nothing: rows equal
//! to their document are left as they are. A blank cell never clears what the register holds.
//!
//! Public: [`ImportPlan`], [`ImportOutcome`], [`DocumentChange`].

use std::collections::HashMap;
use std::io::Cursor;

use calamine::{Reader, Xlsx};
use sanad_core::access::IMPORTS_REGISTER;
use sanad_core::register_template::{self, ReadRegister, RegisterRow, RowRefusal};
use sanad_core::{normalize, Error, Result};
use serde::Serialize;
use serde_json::json;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::store::{on_store, AuditDraft, DocRow, OrgRow};
use crate::{Actor, Service};

/// A register file larger than this is not a register (a spreadsheet of 100,000 rows is ~5 MB).
const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// How many added or changed rows a plan lists by name (the counts are always whole).
const LISTED: usize = 200;
/// How many organizations the owner column is matched against (an office's register holds a
/// few hundred).
const ORGANIZATIONS: i64 = 100_000;

/// One document whose title, plate or location the file changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DocumentChange {
    pub row: usize,
    pub registry_number: String,
    pub title_before: String,
    pub title: String,
    pub property_plate: Option<String>,
    pub location: Option<String>,
}

/// What a file would do to the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportPlan {
    /// Rows read (blank rows not counted).
    pub rows: usize,
    pub add: usize,
    pub change: usize,
    pub unchanged: usize,
    /// Every refused row, in file order, with its reason.
    pub refused: Vec<RowRefusal>,
    /// The first added registry numbers (at most 200).
    pub added: Vec<String>,
    /// The first changes (at most 200).
    pub changes: Vec<DocumentChange>,
    /// Headers that are not columns of the template.
    pub ignored_columns: Vec<String>,
    /// The file's SHA-256, as the audit log records it.
    pub sha256: String,
}

/// The answer of an import: written (`applied`) or, with refused rows, nothing written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportOutcome {
    pub applied: bool,
    pub plan: ImportPlan,
}

/// A planned row: a new document (with its owner's id), or an existing one with its new facts.
enum Planned<'a> {
    Add(&'a RegisterRow, Option<String>),
    Change(DocRow),
}

/// The register of organizations, as the owner column names them: by name (compared as search
/// keys, so Arabic ي/ك, digits and spacing do not matter) or by national id.
struct Owners {
    /// Each organization's id and whether it may hold documents (a requesting kind).
    by_key: HashMap<String, (String, bool)>,
}

impl Owners {
    fn new(orgs: Vec<OrgRow>) -> Owners {
        let mut by_key = HashMap::new();
        for org in orgs {
            // The same rule as `doc add` (`catalog::document_owner`): only a requesting kind.
            let holds = sanad_core::workflow::REQUESTING_KINDS
                .iter()
                .any(|k| k.as_str() == org.kind);
            if let Some(national_id) = &org.national_id {
                by_key.insert(
                    normalize::digits_to_ascii(national_id),
                    (org.id.clone(), holds),
                );
            }
            by_key.insert(normalize::search_key(&org.name), (org.id, holds));
        }
        Owners { by_key }
    }

    /// The id of the organization `typed` names, or the row's refusal.
    fn find(&self, row: &RegisterRow, typed: &str) -> std::result::Result<String, RowRefusal> {
        let id = self
            .by_key
            .get(&normalize::search_key(typed))
            .or_else(|| self.by_key.get(&normalize::digits_to_ascii(typed.trim())));
        let refusal = |message_id: &str| RowRefusal {
            row: row.row,
            registry_number: Some(row.fields.registry_number.clone()),
            field: "organization".to_owned(),
            message_id: message_id.to_owned(),
            args: [("owner".to_owned(), typed.to_owned())]
                .into_iter()
                .collect(),
        };
        match id {
            Some((id, true)) => Ok(id.clone()),
            Some((_, false)) => Err(refusal("error-document-owner-kind")),
            None => Err(refusal("error-import-owner-unknown")),
        }
    }
}

impl Service {
    /// What importing `file` would add, change and refuse (administrator); writes nothing.
    pub async fn plan_document_import(&self, actor: &Actor, file: &[u8]) -> Result<ImportPlan> {
        self.authorize(actor, IMPORTS_REGISTER).await?;
        let (table, header_row) = table_of(file)?;
        let read = register_template::read(&table, header_row)?;
        let (existing, orgs) = on_store!(&self.store, ops, pool => (
            ops::all_docs(pool).await?,
            ops::list_orgs(pool, "", ORGANIZATIONS).await?,
        ));
        let (plan, _) = plan(&read, existing, &Owners::new(orgs), digest(file));
        Ok(plan)
    }

    /// Imports `file` (administrator): every row, or nothing when any row is refused. Each added
    /// or changed document is audited, and the import itself with the file's SHA-256.
    pub async fn import_documents(&self, actor: &Actor, file: &[u8]) -> Result<ImportOutcome> {
        self.authorize(actor, IMPORTS_REGISTER).await?;
        self.ensure_writable(actor).await?;
        let (table, header_row) = table_of(file)?;
        let read = register_template::read(&table, header_row)?;
        let sha256 = digest(file);
        let now = self.now_micros();
        let user_id = actor.user_id.clone();
        let outcome = on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            let existing = ops::all_docs(&mut **w.tx()).await?;
            let owners = Owners::new(ops::list_orgs(&mut **w.tx(), "", ORGANIZATIONS).await?);
            let (plan, planned) = plan(&read, existing, &owners, sha256.clone());
            if !plan.refused.is_empty() {
                w.roll_back();
                return Ok(ImportOutcome { applied: false, plan });
            }
            for step in planned {
                let (row, action, changed) = match step {
                    Planned::Add(r, organization_id) => {
                        let row = DocRow {
                            id: uuid::Uuid::now_v7().to_string(),
                            registry_number: r.fields.registry_number.clone(),
                            title: r.fields.title.clone(),
                            property_plate: r.fields.property_plate.clone(),
                            location: r.fields.location.clone(),
                            in_repository: true,
                            out_request_id: None,
                            created_at: now,
                            organization_id,
                        };
                        if !ops::insert_doc(w.tx(), &row, &normalize::search_key(&row.title)).await? {
                            // Added at another desk since the file was read: say so, keep nothing.
                            return Err(Error::Conflict { message_id: "error-import-raced" });
                        }
                        (row, "document.add", false)
                    }
                    Planned::Change(row) => {
                        ops::update_doc_facts(w.tx(), &row, &normalize::search_key(&row.title)).await?;
                        (row, "document.change", true)
                    }
                };
                w.audit(AuditDraft {
                    at: now,
                    user_id: Some(user_id.clone()),
                    action: action.to_owned(),
                    entity: "document".to_owned(),
                    entity_id: Some(row.id.clone()),
                    detail: json!({
                        "registry_number": row.registry_number,
                        "title": row.title,
                        "import_sha256": sha256,
                        "changed": changed,
                    }),
                })
                .await?;
            }
            w.audit(AuditDraft {
                at: now,
                user_id: Some(user_id.clone()),
                action: "document.import".to_owned(),
                entity: "document".to_owned(),
                entity_id: None,
                detail: json!({
                    "sha256": sha256,
                    "rows": plan.rows,
                    "added": plan.add,
                    "changed": plan.change,
                    "unchanged": plan.unchanged,
                }),
            })
            .await?;
            Ok(ImportOutcome { applied: true, plan })
        }).await)?;
        Ok(outcome)
    }
}

/// Sorts the file's rows into added, changed and unchanged against the register.
fn plan<'a>(
    read: &'a ReadRegister,
    existing: Vec<DocRow>,
    owners: &Owners,
    sha256: String,
) -> (ImportPlan, Vec<Planned<'a>>) {
    let mut by_number: HashMap<String, DocRow> = existing
        .into_iter()
        .map(|d| (d.registry_number.clone(), d))
        .collect();
    let mut planned = Vec::new();
    let (mut add, mut change, mut unchanged) = (0, 0, 0);
    let mut added = Vec::new();
    let mut changes = Vec::new();
    let mut refused = read.refused.clone();
    for row in &read.rows {
        let f = &row.fields;
        let owner = match f.owner.as_deref().map(|typed| owners.find(row, typed)) {
            None => None,
            Some(Ok(id)) => Some(id),
            Some(Err(refusal)) => {
                refused.push(refusal);
                continue;
            }
        };
        match by_number.remove(&f.registry_number) {
            None => {
                add += 1;
                if added.len() < LISTED {
                    added.push(f.registry_number.clone());
                }
                planned.push(Planned::Add(row, owner));
            }
            Some(doc) => {
                // A blank cell keeps what the register holds.
                let plate = f.property_plate.clone().or(doc.property_plate.clone());
                let location = f.location.clone().or(doc.location.clone());
                let owner = owner.or(doc.organization_id.clone());
                if doc.title == f.title
                    && doc.property_plate == plate
                    && doc.location == location
                    && doc.organization_id == owner
                {
                    unchanged += 1;
                    continue;
                }
                change += 1;
                if changes.len() < LISTED {
                    changes.push(DocumentChange {
                        row: row.row,
                        registry_number: f.registry_number.clone(),
                        title_before: doc.title.clone(),
                        title: f.title.clone(),
                        property_plate: plate.clone(),
                        location: location.clone(),
                    });
                }
                let new = DocRow {
                    title: f.title.clone(),
                    property_plate: plate,
                    location,
                    organization_id: owner,
                    ..doc
                };
                planned.push(Planned::Change(new));
            }
        }
    }
    refused.sort_by_key(|r| r.row);
    let plan = ImportPlan {
        rows: read.rows.len() + read.refused.len(),
        add,
        change,
        unchanged,
        refused,
        added,
        changes,
        ignored_columns: read.ignored_columns.clone(),
        sha256,
    };
    (plan, planned)
}

fn digest(file: &[u8]) -> String {
    hex::encode(Sha256::digest(file))
}

/// The file's first sheet (XLSX, recognised by content) or its CSV rows (UTF-8, with or without
/// a byte-order mark; comma, semicolon or tab, whichever the header row uses), as text cells,
/// with the row number of the first (the header row) as the spreadsheet shows it.
fn table_of(file: &[u8]) -> Result<(Vec<Vec<String>>, usize)> {
    if file.is_empty() {
        return Err(Error::invalid("file", "error-import-empty"));
    }
    if file.len() > MAX_FILE_BYTES {
        return Err(Error::invalid_with(
            "file",
            "error-import-too-large",
            &[("max", (MAX_FILE_BYTES / (1024 * 1024)).to_string())],
        ));
    }
    if file.starts_with(b"PK\x03\x04") {
        return xlsx_table(file);
    }
    let text = std::str::from_utf8(file.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(file))
        .map_err(|_| Error::invalid("file", "error-import-format"))?;
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&d| first_line.matches(d as char).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|_| Error::invalid("file", "error-import-format"))?;
        rows.push(record.iter().map(str::to_owned).collect());
    }
    Ok((rows, 1))
}

fn xlsx_table(file: &[u8]) -> Result<(Vec<Vec<String>>, usize)> {
    let mut book =
        Xlsx::new(Cursor::new(file)).map_err(|_| Error::invalid("file", "error-import-format"))?;
    let range = match book.worksheet_range_at(0) {
        Some(Ok(range)) => range,
        _ => return Err(Error::invalid("file", "error-import-format")),
    };
    // The sheet's rows from its first used row: rows above it are blank, and not the header.
    let header_row = range.start().map_or(1, |(row, _)| row as usize + 1);
    let rows = range
        .rows()
        .map(|cells| cells.iter().map(|c| c.to_string()).collect())
        .collect();
    Ok((rows, header_row))
}
