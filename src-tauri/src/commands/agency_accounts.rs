//! Agency accounts (the administrator's screen): the same use cases as `sanad portal-user`.

use sanad_service::{AgencyAccount, NewAgencyUser, User};

use super::{Answer, Desk};

#[tauri::command]
pub async fn list_agency_users(desk: Desk<'_>) -> Answer<Vec<AgencyAccount>> {
    Ok(desk.service()?.list_agency_users(&desk.actor()?).await?)
}

#[tauri::command]
pub async fn add_agency_user(desk: Desk<'_>, user: NewAgencyUser) -> Answer<AgencyAccount> {
    Ok(desk
        .service()?
        .add_agency_user(&desk.actor()?, user)
        .await?)
}

/// A one-time password, shown once; the officer must change it at the next sign-in.
#[tauri::command]
pub async fn reset_agency_password(desk: Desk<'_>, username: String) -> Answer<String> {
    Ok(desk
        .service()?
        .reset_agency_password(&desk.actor()?, &username)
        .await?)
}

#[tauri::command]
pub async fn set_agency_user_active(
    desk: Desk<'_>,
    username: String,
    active: bool,
) -> Answer<User> {
    Ok(desk
        .service()?
        .set_agency_user_active(&desk.actor()?, &username, active)
        .await?)
}
