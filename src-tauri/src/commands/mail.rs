//! Results to the applicant: the office's mail server, and each message's delivery state.

use sanad_service::{MailSettings, Notification};

use super::{Answer, Desk};

#[tauri::command]
pub async fn mail_settings(desk: Desk<'_>) -> Answer<Option<MailSettings>> {
    Ok(desk.service()?.mail_settings(&desk.actor()?).await?)
}

/// Saves the mail server; a non-empty `password` goes to the OS keychain, never to settings.
#[tauri::command]
pub async fn set_mail_settings(
    desk: Desk<'_>,
    settings: MailSettings,
    password: Option<String>,
) -> Answer<Option<MailSettings>> {
    let service = desk.service()?;
    let actor = desk.actor()?;
    service.set_mail_settings(&actor, settings).await?;
    if let Some(password) = password.filter(|p| !p.is_empty()) {
        service.save_smtp_password(&actor, &password).await?;
    }
    Ok(service.mail_settings(&actor).await?)
}

#[tauri::command]
pub async fn request_notifications(desk: Desk<'_>, code: String) -> Answer<Vec<Notification>> {
    Ok(desk
        .service()?
        .request_notifications(&desk.actor()?, &code)
        .await?)
}
