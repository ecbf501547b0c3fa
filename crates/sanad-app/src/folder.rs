//! A folder of scans named by registry number, attached to the register (`sanad doc
//! attach-folder DIR`): each regular file of the folder (not its subfolders, not hidden files), in
//! name order, through the service's `attach_scan_by_registry_number`, each on its own. A file
//! refused (not a clean scan, no such document) is reported and the rest go on; a refusal of the
//! person (not permitted) or a failing database stops the walk.
//!
//! Public: [`attach_folder`], [`FolderFile`], [`FolderOutcome`].

use std::path::Path;

use sanad_service::{Actor, Error, FolderScan, IncomingFile, Service};
use serde::Serialize;
use ts_rs::TS;

use crate::AppError;

/// What became of one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FolderOutcome {
    Attached,
    AlreadyCurrent,
    Refused,
}

/// One file of the folder and its outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FolderFile {
    pub file: String,
    /// The registry number read from the file's name.
    pub registry_number: String,
    pub outcome: FolderOutcome,
    /// The kept file's id, when attached.
    pub file_id: Option<String>,
    /// Why it was refused: the field and its Fluent message.
    pub field: Option<String>,
    pub message_id: Option<String>,
    #[ts(type = "Record<string, string>")]
    pub args: sanad_core::error::MessageArgs,
}

/// Attaches every scan of `dir` to the document its name gives (see the module).
pub async fn attach_folder(
    service: &Service,
    actor: &Actor,
    dir: &Path,
) -> Result<Vec<FolderFile>, AppError> {
    let unreadable = || AppError::File {
        field: "dir",
        path: dir.display().to_string(),
    };
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|_| unreadable())?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| !n.starts_with('.'))
        })
        .collect();
    paths.sort();
    let mut report = Vec::with_capacity(paths.len());
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let number = path
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let bytes = std::fs::read(&path).map_err(|_| AppError::File {
            field: "file",
            path: path.display().to_string(),
        })?;
        let incoming = IncomingFile {
            bytes,
            original_name: Some(name.clone()),
            title: None,
        };
        let mut line = FolderFile {
            file: name,
            registry_number: number.clone(),
            outcome: FolderOutcome::Refused,
            file_id: None,
            field: None,
            message_id: None,
            args: Default::default(),
        };
        match service
            .attach_scan_by_registry_number(actor, &number, incoming)
            .await
        {
            Ok(FolderScan::Attached(kept)) => {
                line.outcome = FolderOutcome::Attached;
                line.file_id = Some(kept.id);
            }
            Ok(FolderScan::AlreadyCurrent) => line.outcome = FolderOutcome::AlreadyCurrent,
            Err(e @ Error::Invalid { .. }) => {
                line.field = e.field_problems().first().map(|p| p.field.clone());
                line.message_id = Some(e.message_id().to_owned());
                line.args = e.args();
            }
            Err(e) => return Err(e.into()),
        }
        report.push(line);
    }
    Ok(report)
}
