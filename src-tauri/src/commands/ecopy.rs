//! A request's certified electronic copy on its page (issue 15 item 2): its record, and the PDF
//! saved to a file the user names (clerk, auditor; the core checks). The PDF's bytes never reach
//! the webview: only its record crosses, and the saving is done here.

use sanad_app::files::FileWritten;
use sanad_service::{EcopyInfo, Error};

use super::{Answer, Desk};

/// The certified copy of request `code`, or none when it has none (yet).
#[tauri::command]
pub async fn ecopy_info(desk: Desk<'_>, code: String) -> Answer<Option<EcopyInfo>> {
    match desk.service()?.ecopy_file(&desk.actor()?, &code).await {
        Ok((info, _)) => Ok(Some(info)),
        Err(Error::NotFound { what: "ecopy" }) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Saves the certified copy of request `code` as a PDF at `path`.
#[tauri::command]
pub async fn save_ecopy(desk: Desk<'_>, code: String, path: String) -> Answer<FileWritten> {
    let path = path.trim();
    if path.is_empty() {
        return Err(Error::invalid("ecopy.path", "error-required").into());
    }
    let service = desk.service()?;
    let (_, written) =
        sanad_app::ecopy::save(&service, &desk.actor()?, &code, std::path::Path::new(path)).await?;
    Ok(written)
}

/// Where the request page offers to save the copy.
#[tauri::command]
pub fn suggested_ecopy_path(code: String) -> String {
    sanad_app::ecopy::suggested_path(&code)
}
