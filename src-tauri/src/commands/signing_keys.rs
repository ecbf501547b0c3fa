//! The administrator's signing keys (issue 15 item 4): the same use cases as `sanad key
//! list|init|rotate|revoke`. A key made here keeps its private half in this desk's keychain.
//! Export and import (a sealed file and its passphrase) stay on the command line.

use sanad_service::SigningKeyView;

use super::{Answer, Desk};

#[tauri::command]
pub async fn signing_keys(desk: Desk<'_>) -> Answer<Vec<SigningKeyView>> {
    Ok(desk.service()?.signing_keys(&desk.actor()?).await?)
}

/// Makes the first key (or the next after a revocation); answers its id.
#[tauri::command]
pub async fn init_signing_key(desk: Desk<'_>) -> Answer<String> {
    Ok(desk.service()?.init_signing_key(&desk.actor()?).await?)
}

/// Starts a new key and ends the current one's validity now; answers the new key's id.
#[tauri::command]
pub async fn rotate_signing_key(desk: Desk<'_>) -> Answer<String> {
    Ok(desk.service()?.rotate_signing_key(&desk.actor()?).await?)
}

/// Revokes key `kid` from the Jalali date `from` (Tehran's midnight).
#[tauri::command]
pub async fn revoke_signing_key(desk: Desk<'_>, kid: String, from: String) -> Answer<()> {
    Ok(desk
        .service()?
        .revoke_signing_key(&desk.actor()?, &kid, &from)
        .await?)
}
