//! The register brought in from a spreadsheet at the desk (the administrator's register screen):
//! the file crosses as base64, the core reads it, says what it would do, and writes it whole.

use base64::Engine;
use sanad_service::{ImportOutcome, ImportPlan};

use super::{Answer, Desk};
use crate::error::CommandError;

fn decoded(content_base64: &str) -> Result<Vec<u8>, CommandError> {
    base64::engine::general_purpose::STANDARD
        .decode(content_base64.trim())
        .map_err(|_| CommandError::new("file", "ui-file-unreadable"))
}

#[tauri::command]
pub async fn plan_document_import(desk: Desk<'_>, content_base64: String) -> Answer<ImportPlan> {
    let file = decoded(&content_base64)?;
    Ok(desk
        .service()?
        .plan_document_import(&desk.actor()?, &file)
        .await?)
}

#[tauri::command]
pub async fn import_documents(desk: Desk<'_>, content_base64: String) -> Answer<ImportOutcome> {
    let file = decoded(&content_base64)?;
    Ok(desk
        .service()?
        .import_documents(&desk.actor()?, &file)
        .await?)
}
