//! Checks the window asks for while a form is filled: one field as it is left (the core's
//! validators, `sanad_core::field_check`), and the administrator's report of look-alike
//! organizations (the same use case as `sanad org duplicates`).

use sanad_service::Organization;

use super::{Answer, Desk};

/// One field of a form checked as the user leaves it: its normalized value, or the error the
/// core would give on submit. Touches no data, so it needs no session.
#[tauri::command]
pub async fn check_field(field: String, value: String) -> Answer<String> {
    Ok(sanad_core::field_check::check(&field, &value)?)
}

/// Organizations registered under one normalized name (or national id), group by group.
#[tauri::command]
pub async fn duplicate_organizations(desk: Desk<'_>) -> Answer<Vec<Vec<Organization>>> {
    Ok(desk
        .service()?
        .duplicate_organizations(&desk.actor()?)
        .await?)
}
