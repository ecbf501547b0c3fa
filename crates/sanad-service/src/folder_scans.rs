//! Scans brought in from a folder named by registry number (`sanad doc attach-folder`): the file
//! for document «1400-12» is `1400-12.pdf` (digits in any script). Each file is attached as
//! `doc attach` attaches one, with the same rules; a file that is already the document's current
//! version is left alone, so running the folder again adds nothing.
//!
//! Public: [`FolderScan`].

use sanad_core::access::EDITS_CATALOG;
use sanad_core::kept_file::KeptFile;
use sanad_core::{normalize, Error, Result};
use sha2::{Digest, Sha256};

use crate::scans::IncomingFile;
use crate::store::on_store;
use crate::{Actor, Service};

/// What became of one file of the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FolderScan {
    /// Attached as the document's new current version.
    Attached(Box<KeptFile>),
    /// The document's current version already has these bytes.
    AlreadyCurrent,
}

impl Service {
    /// Attaches `file` to the document whose registry number is `registry_number` (clerk,
    /// administrator), unless it already is that document's current version. An unknown number
    /// is refused on the `registry_number` field, naming it.
    pub async fn attach_scan_by_registry_number(
        &self,
        actor: &Actor,
        registry_number: &str,
        file: IncomingFile,
    ) -> Result<FolderScan> {
        // Authorized before telling anyone what the register holds.
        self.authorize(actor, EDITS_CATALOG).await?;
        let number = normalize::digits_to_ascii(registry_number.trim());
        let doc =
            on_store!(&self.store, ops, pool => ops::doc_by_registry_number(pool, &number).await)?;
        let Some(doc) = doc else {
            return Err(Error::invalid_with(
                "registry_number",
                "folder-no-document",
                &[("number", number)],
            ));
        };
        let current = self.document_scans(actor, &doc.id).await?;
        let digest = hex::encode(Sha256::digest(&file.bytes));
        if current.first().is_some_and(|c| c.sha256 == digest) {
            return Ok(FolderScan::AlreadyCurrent);
        }
        self.attach_scan(actor, &doc.id, file)
            .await
            .map(|kept| FolderScan::Attached(Box::new(kept)))
    }
}
