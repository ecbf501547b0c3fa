//! Results to the applicant: the office's mail server, and each message's delivery state.

use sanad_service::{MailSettings, Notification};

use super::{Answer, Desk};

#[tauri::command]
pub async fn mail_settings(desk: Desk<'_>) -> Answer<Option<MailSettings>> {
    Ok(desk.service()?.mail_settings(&desk.actor()?).await?)
}

/// Saves the mail server and, when typed, its password (to the OS keychain, never to settings).
#[tauri::command]
pub async fn set_mail_settings(
    desk: Desk<'_>,
    settings: MailSettings,
    password: Option<String>,
) -> Answer<Option<MailSettings>> {
    Ok(desk
        .service()?
        .save_mail_server(&desk.actor()?, settings, password.as_deref())
        .await?)
}

#[tauri::command]
pub async fn request_notifications(desk: Desk<'_>, code: String) -> Answer<Vec<Notification>> {
    Ok(desk
        .service()?
        .request_notifications(&desk.actor()?, &code)
        .await?)
}
