//! The administrator's account screens: one-time passwords, deactivation, the account policy.

use sanad_service::{AccountPolicy, User};

use super::{Answer, Desk};

/// Issues a one-time password for `username` (shown once; the user must change it at sign-in).
#[tauri::command]
pub async fn reset_password(desk: Desk<'_>, username: String) -> Answer<String> {
    Ok(desk
        .service()?
        .reset_password(&desk.actor()?, &username)
        .await?)
}

#[tauri::command]
pub async fn set_user_active(desk: Desk<'_>, username: String, active: bool) -> Answer<User> {
    Ok(desk
        .service()?
        .set_user_active(&desk.actor()?, &username, active)
        .await?)
}

#[tauri::command]
pub async fn account_policy(desk: Desk<'_>) -> Answer<AccountPolicy> {
    Ok(desk.service()?.account_policy(&desk.actor()?).await?)
}

#[tauri::command]
pub async fn set_account_policy(desk: Desk<'_>, policy: AccountPolicy) -> Answer<AccountPolicy> {
    Ok(desk
        .service()?
        .set_account_policy(&desk.actor()?, policy)
        .await?)
}
