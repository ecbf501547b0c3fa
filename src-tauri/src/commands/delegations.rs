//! Acting approvers (the administrator's screen) and decisions on several requests at once (the
//! queue's selection).

use sanad_core::model::Action;
use sanad_service::{BulkItem, BulkResult, Delegation, NewDelegation};

use super::{Answer, Desk};

#[tauri::command]
pub async fn delegations(desk: Desk<'_>, active_only: bool) -> Answer<Vec<Delegation>> {
    Ok(desk
        .service()?
        .delegations(&desk.actor()?, active_only)
        .await?)
}

#[tauri::command]
pub async fn add_delegation(desk: Desk<'_>, delegation: NewDelegation) -> Answer<Delegation> {
    Ok(desk
        .service()?
        .add_delegation(&desk.actor()?, delegation)
        .await?)
}

#[tauri::command]
pub async fn end_delegation(desk: Desk<'_>, id: String) -> Answer<Delegation> {
    Ok(desk.service()?.end_delegation(&desk.actor()?, &id).await?)
}

/// One step on every selected request, each on its own: the answer lists what was applied and
/// what was refused and why.
#[tauri::command]
pub async fn act_many(
    desk: Desk<'_>,
    items: Vec<BulkItem>,
    action: Action,
    note: Option<String>,
) -> Answer<BulkResult> {
    Ok(desk
        .service()?
        .act_many(&desk.actor()?, items, action, note.as_deref())
        .await?)
}
