//! The working calendar (official holidays, Thursday) and the director's overdue list.

use sanad_service::{
    CalendarSettings, Holiday, OfficeHoursInput, Page, PageRequest, RequestSummary,
};

use super::{Answer, Desk};

#[tauri::command]
pub async fn holidays(desk: Desk<'_>, year: Option<i32>) -> Answer<Vec<Holiday>> {
    Ok(desk.service()?.holidays(&desk.actor()?, year).await?)
}

#[tauri::command]
pub async fn add_holiday(desk: Desk<'_>, date: String, title: String) -> Answer<Holiday> {
    Ok(desk
        .service()?
        .add_holiday(&desk.actor()?, &date, &title)
        .await?)
}

#[tauri::command]
pub async fn remove_holiday(desk: Desk<'_>, date: String) -> Answer<()> {
    Ok(desk
        .service()?
        .remove_holiday(&desk.actor()?, &date)
        .await?)
}

#[tauri::command]
pub async fn calendar_settings(desk: Desk<'_>) -> Answer<CalendarSettings> {
    Ok(desk.service()?.calendar_settings(&desk.actor()?).await?)
}

#[tauri::command]
pub async fn set_thursday_off(desk: Desk<'_>, off: bool) -> Answer<CalendarSettings> {
    Ok(desk
        .service()?
        .set_thursday_off(&desk.actor()?, off)
        .await?)
}

#[tauri::command]
pub async fn set_office_hours(desk: Desk<'_>, hours: OfficeHoursInput) -> Answer<CalendarSettings> {
    Ok(desk
        .service()?
        .set_office_hours(&desk.actor()?, hours)
        .await?)
}

#[tauri::command]
pub async fn overdue_requests(desk: Desk<'_>, page: PageRequest) -> Answer<Page<RequestSummary>> {
    Ok(desk
        .service()?
        .overdue_requests(&desk.actor()?, page)
        .await?)
}
