//! Files the office keeps — a document's scans, a request's letter and enclosures — as the
//! service answers them (never their bytes, which are fetched one file at a time).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

crate::model::spelled_enum!(
    #[derive(TS)]
    /// What a file attached to a request is.
    FilePurpose, "purpose", "error-file-purpose-unknown" {
        Letter => "letter",
        Enclosure => "enclosure",
    }
);

/// One kept file: a version of a document's scan, or a request's attached file.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, TS)]
pub struct KeptFile {
    pub id: String,
    /// `pdf`, `jpeg`, `png` or `tiff`, as recognised from the content.
    pub kind: String,
    pub mime: String,
    #[ts(type = "number")]
    pub size_bytes: i64,
    pub pages: u32,
    /// Lower-case hex SHA-256 of the file.
    pub sha256: String,
    /// The name the file had on the clerk's disk (shown, never trusted).
    pub original_name: Option<String>,
    pub title: String,
    /// The scan's version (1, 2, …), or the attachment's position on its request.
    pub number: u32,
    /// Set for a request's file.
    pub purpose: Option<FilePurpose>,
    /// Whether this is the document's current scan (its highest version).
    pub current: bool,
    pub added_by_name: String,
    pub added_at: String,
}
