//! Scans of the register's documents and the letters attached to requests. A file crosses from
//! the window as base64 text (the IPC's JSON), is decoded here and checked by the core; it comes
//! back only as the core's PNG drawing of its first page, so the webview never opens a scan.

use base64::Engine;
use sanad_service::{IncomingFile, KeptFile};

use super::{Answer, Desk};
use crate::error::CommandError;

/// The thumbnails' longer side, in pixels (sharp at twice the 160 px they are shown at).
const THUMBNAIL_SIDE: u32 = 320;

fn incoming(
    content_base64: &str,
    name: Option<String>,
    title: Option<String>,
) -> Result<IncomingFile, CommandError> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(content_base64.trim())
        .map_err(|_| CommandError::new("file", "ui-file-unreadable"))?;
    Ok(IncomingFile {
        bytes,
        original_name: name,
        title,
    })
}

#[tauri::command]
pub async fn attach_scan(
    desk: Desk<'_>,
    document_id: String,
    content_base64: String,
    name: Option<String>,
    title: Option<String>,
) -> Answer<KeptFile> {
    let file = incoming(&content_base64, name, title)?;
    Ok(desk
        .service()?
        .attach_scan(&desk.actor()?, &document_id, file)
        .await?)
}

#[tauri::command]
pub async fn document_scans(desk: Desk<'_>, document_id: String) -> Answer<Vec<KeptFile>> {
    Ok(desk
        .service()?
        .document_scans(&desk.actor()?, &document_id)
        .await?)
}

#[tauri::command]
pub async fn attach_request_file(
    desk: Desk<'_>,
    code: String,
    purpose: String,
    content_base64: String,
    name: Option<String>,
    title: Option<String>,
) -> Answer<KeptFile> {
    let file = incoming(&content_base64, name, title)?;
    Ok(desk
        .service()?
        .attach_request_file(&desk.actor()?, &code, &purpose, file)
        .await?)
}

#[tauri::command]
pub async fn request_files(desk: Desk<'_>, code: String) -> Answer<Vec<KeptFile>> {
    Ok(desk.service()?.request_files(&desk.actor()?, &code).await?)
}

/// The first page of a kept file as a `data:image/png;base64,…` URL for an `<img>`.
#[tauri::command]
pub async fn file_thumbnail(desk: Desk<'_>, file_id: String) -> Answer<String> {
    let png = desk
        .service()?
        .kept_file_thumbnail(&desk.actor()?, &file_id, THUMBNAIL_SIDE)
        .await?;
    Ok(format!(
        "data:image/png;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(png)
    ))
}
