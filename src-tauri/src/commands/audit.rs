//! The auditor's screen: the log, filtered, and the check of its hash chain.

use sanad_service::{AuditEntry, AuditQuery, AuditReport};

use super::{Answer, Desk};

#[tauri::command]
pub async fn audit_log(desk: Desk<'_>, query: AuditQuery) -> Answer<Vec<AuditEntry>> {
    Ok(desk.service()?.audit_log(&desk.actor()?, query).await?)
}

#[tauri::command]
pub async fn verify_audit(desk: Desk<'_>) -> Answer<AuditReport> {
    Ok(desk.service()?.verify_audit(&desk.actor()?).await?)
}
