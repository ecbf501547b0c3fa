//! Complaints, suggestions and comments: registered at a desk, assigned, answered and closed.

use sanad_service::{
    Assignee, ComplaintDecision, ComplaintQuery, ComplaintSummary, ComplaintView, NewComplaint,
    Notification,
};

use super::{Answer, Desk};

#[tauri::command]
pub async fn register_complaint(desk: Desk<'_>, complaint: NewComplaint) -> Answer<ComplaintView> {
    let service = desk.service()?;
    let actor = desk.actor()?;
    let view = service.register_complaint(&actor, complaint).await?;
    // Its PIN is shown this once: the receipt dialog prints from what is kept here (`receipt.rs`).
    match sanad_app::receipt::of_complaint(&service, &actor, &view).await {
        Ok(Some(receipt)) => desk.keep_receipt(receipt),
        Ok(None) => {}
        Err(error) => log::warn!("the complaint's receipt could not be made: {error}"),
    }
    Ok(view)
}

#[tauri::command]
pub async fn complaint_by_code(desk: Desk<'_>, code: String) -> Answer<ComplaintView> {
    Ok(desk
        .service()?
        .complaint_by_code(&desk.actor()?, &code)
        .await?)
}

#[tauri::command]
pub async fn complaints(desk: Desk<'_>, query: ComplaintQuery) -> Answer<Vec<ComplaintSummary>> {
    Ok(desk.service()?.complaints(&desk.actor()?, query).await?)
}

/// The staff a complaint can be assigned to (for the assign dialog's picker).
#[tauri::command]
pub async fn complaint_assignees(desk: Desk<'_>) -> Answer<Vec<Assignee>> {
    Ok(desk.service()?.complaint_assignees(&desk.actor()?).await?)
}

/// One step on a complaint, at the version the user was looking at (a change made meanwhile at
/// another desk comes back as a conflict).
#[tauri::command]
pub async fn complaint_step(
    desk: Desk<'_>,
    code: String,
    step: ComplaintDecision,
    expected_version: i64,
) -> Answer<ComplaintView> {
    Ok(desk
        .service()?
        .take_complaint_step(&desk.actor()?, &code, step, Some(expected_version))
        .await?)
}

#[tauri::command]
pub async fn complaint_notifications(desk: Desk<'_>, code: String) -> Answer<Vec<Notification>> {
    Ok(desk
        .service()?
        .complaint_notifications(&desk.actor()?, &code)
        .await?)
}
