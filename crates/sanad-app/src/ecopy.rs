//! A request's certified electronic copy written to a file the user names (the desk's request
//! page; `sanad ecopy --out` writes it its own way): the bytes as the service keeps them, never
//! re-rendered, so the saved file verifies with `sanad verify`.
//!
//! Public: [`save`], [`suggested_path`].

use std::path::Path;

use sanad_service::{Actor, EcopyInfo, Service};

use crate::files::{documents_folder, write_file, FileWritten};
use crate::AppError;

/// Saves the certified copy of request `code` at `path` (clerk, auditor: the service checks).
pub async fn save(
    service: &Service,
    actor: &Actor,
    code: &str,
    path: &Path,
) -> Result<(EcopyInfo, FileWritten), AppError> {
    let (info, bytes) = service.ecopy_file(actor, code).await?;
    let written = write_file("ecopy.path", path, &bytes)?;
    Ok((info, written))
}

/// `ecopy-358122904417.pdf` in the documents folder.
pub fn suggested_path(code: &str) -> String {
    let digits: String = code.chars().filter(char::is_ascii_digit).collect();
    documents_folder()
        .join(format!("ecopy-{digits}.pdf"))
        .display()
        .to_string()
}
