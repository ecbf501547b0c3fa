//! The administrator's API tokens for agencies' own systems (issue 14 items 6 and 9): the same
//! use cases as `sanad portal-token add|list|revoke|limit`. The secret crosses once, in the
//! answer of `issue_portal_token`; the database keeps only its hash.

use sanad_service::{ApiRateLimit, IssuedPortalToken, PortalToken};

use super::{Answer, Desk};

#[tauri::command]
pub async fn list_portal_tokens(desk: Desk<'_>) -> Answer<Vec<PortalToken>> {
    Ok(desk.service()?.list_portal_tokens(&desk.actor()?).await?)
}

/// Issues agency `organization_id` a token labelled `label`; the answer holds the secret, once.
#[tauri::command]
pub async fn issue_portal_token(
    desk: Desk<'_>,
    organization_id: String,
    label: String,
) -> Answer<IssuedPortalToken> {
    Ok(desk
        .service()?
        .issue_portal_token(&desk.actor()?, &organization_id, &label)
        .await?)
}

#[tauri::command]
pub async fn revoke_portal_token(desk: Desk<'_>, id: String) -> Answer<PortalToken> {
    Ok(desk
        .service()?
        .revoke_portal_token(&desk.actor()?, &id)
        .await?)
}

#[tauri::command]
pub async fn api_rate_limit(desk: Desk<'_>) -> Answer<ApiRateLimit> {
    Ok(desk.service()?.api_rate_limit(&desk.actor()?).await?)
}

/// Sets the per-token rate limit; the core checks the range.
#[tauri::command]
pub async fn set_api_rate_limit(desk: Desk<'_>, calls: u32, seconds: u32) -> Answer<ApiRateLimit> {
    let service = desk.service()?;
    let actor = desk.actor()?;
    service.set_api_rate_limit(&actor, calls, seconds).await?;
    Ok(service.api_rate_limit(&actor).await?)
}
