//! "Where is my request?": the status of a request or complaint by its tracking code, in plain
//! sentences, for a clerk answering the phone.

use sanad_app::Lang;
use sanad_service::TrackStatus;

use super::{Answer, Desk};

#[tauri::command]
pub async fn track(desk: Desk<'_>, code: String, lang: Lang) -> Answer<TrackStatus> {
    Ok(desk.service()?.track(&desk.actor()?, &code, lang).await?)
}
