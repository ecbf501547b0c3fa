//! Notices: maintenance windows and disruptions on the board, and the banners every desk shows.

use sanad_service::{NewNotice, Notice};

use super::{Answer, Desk};

#[tauri::command]
pub async fn notice_board(desk: Desk<'_>) -> Answer<Vec<Notice>> {
    Ok(desk.service()?.notice_board(&desk.actor()?).await?)
}

#[tauri::command]
pub async fn add_notice(desk: Desk<'_>, notice: NewNotice) -> Answer<Notice> {
    Ok(desk.service()?.add_notice(&desk.actor()?, notice).await?)
}

#[tauri::command]
pub async fn cancel_notice(desk: Desk<'_>, id: String) -> Answer<()> {
    Ok(desk.service()?.cancel_notice(&desk.actor()?, &id).await?)
}

/// What this desk shows as banners now: upcoming windows from the lead time on, and those in
/// progress. The sign-in screen shows them too: with nobody signed in, the public view.
#[tauri::command]
pub async fn active_banners(desk: Desk<'_>) -> Answer<Vec<Notice>> {
    let viewer = desk.current().map(|session| session.who().clone());
    Ok(desk.service()?.active_banners(viewer.as_ref()).await?)
}
