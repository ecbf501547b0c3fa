//! The commands the web UI invokes. Each is a thin wrapper over one call of the core service API:
//! the core checks the role, the state and every field; errors cross as [`CommandError`].

use sanad_core::model::{Action, Role};
use sanad_service::{
    Actor, Document, NewDocument, NewOrganization, NewRequest, NewUser, Organization, Page,
    PageRequest, Queue, RequestSummary, RequestView, SearchQuery, User,
};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::CommandError;
use crate::state::DeskState;

pub mod accounts;
pub mod audit;
pub mod backup;
pub mod calendar;
pub mod changes;
pub mod complaints;
pub mod connection;
pub mod mail;
pub mod notices;
pub mod reports;
pub mod slip;
pub mod track;

type Desk<'a> = State<'a, DeskState>;
type Answer<T> = Result<T, CommandError>;

/// Who is signed in at this desk.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
pub struct Session {
    pub username: String,
    pub display_name: String,
    pub role: Role,
    /// Signed in with the administrator's one-time password: the desk shows only the form to
    /// choose a new one (the core refuses everything else until then).
    pub must_change_password: bool,
    /// The desk returns to the sign-in screen after this many minutes without input (policy).
    pub idle_minutes: u32,
}

impl Session {
    fn new(actor: &Actor, idle_minutes: u32) -> Self {
        Session {
            username: actor.username().to_owned(),
            display_name: actor.display_name().to_owned(),
            role: actor.role(),
            must_change_password: actor.must_change_password(),
            idle_minutes,
        }
    }
}

/// What the window needs at start-up: where the data is, whether this is the first run, and who
/// is signed in (after a reload of the page).
#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
pub struct AppStatus {
    /// The embedded database's file, or `user@host:port/database` on PostgreSQL.
    pub database: String,
    /// `sqlite` or `postgres`.
    pub backend: String,
    /// True until the first administrator is created.
    pub needs_first_admin: bool,
    pub session: Option<Session>,
}

#[tauri::command]
pub async fn app_status(desk: Desk<'_>) -> Answer<AppStatus> {
    let (database, _) = desk.database_shown();
    let service = desk.service()?;
    let idle_minutes = service.account_policy().await?.idle_minutes;
    Ok(AppStatus {
        database,
        backend: service.backend_name().to_owned(),
        needs_first_admin: service.needs_first_admin().await?,
        session: desk
            .current()
            .as_ref()
            .map(|a| Session::new(a, idle_minutes)),
    })
}

/// First run: creates the first administrator, then signs them in.
#[tauri::command]
pub async fn init_admin(
    desk: Desk<'_>,
    username: String,
    display_name: String,
    password: String,
) -> Answer<Session> {
    desk.service()?
        .init_admin(&username, &display_name, &password)
        .await?;
    login(desk, username, password).await
}

#[tauri::command]
pub async fn login(desk: Desk<'_>, username: String, password: String) -> Answer<Session> {
    let service = desk.service()?;
    let actor = service.login(&username, &password).await?;
    let session = Session::new(&actor, service.account_policy().await?.idle_minutes);
    desk.sign_in(actor);
    Ok(session)
}

/// Replaces the signed-in user's password (the one-time one, or any), then signs in again with it.
#[tauri::command]
pub async fn change_password(
    desk: Desk<'_>,
    current: String,
    new_password: String,
) -> Answer<Session> {
    let actor = desk.actor()?;
    desk.service()?
        .change_password(&actor, &current, &new_password)
        .await?;
    login(desk, actor.username().to_owned(), new_password).await
}

#[tauri::command]
pub fn logout(desk: Desk<'_>) {
    desk.sign_out();
}

#[tauri::command]
pub async fn list_users(desk: Desk<'_>) -> Answer<Vec<User>> {
    Ok(desk.service()?.list_users(&desk.actor()?).await?)
}

#[tauri::command]
pub async fn add_user(desk: Desk<'_>, user: NewUser) -> Answer<User> {
    Ok(desk.service()?.add_user(&desk.actor()?, user).await?)
}

#[tauri::command]
pub async fn list_organizations(desk: Desk<'_>, query: String) -> Answer<Vec<Organization>> {
    Ok(desk
        .service()?
        .list_organizations(&desk.actor()?, &query)
        .await?)
}

#[tauri::command]
pub async fn add_organization(
    desk: Desk<'_>,
    organization: NewOrganization,
) -> Answer<Organization> {
    Ok(desk
        .service()?
        .add_organization(&desk.actor()?, organization)
        .await?)
}

#[tauri::command]
pub async fn list_documents(desk: Desk<'_>, query: String) -> Answer<Vec<Document>> {
    Ok(desk
        .service()?
        .list_documents(&desk.actor()?, &query)
        .await?)
}

#[tauri::command]
pub async fn add_document(desk: Desk<'_>, document: NewDocument) -> Answer<Document> {
    Ok(desk
        .service()?
        .add_document(&desk.actor()?, document)
        .await?)
}

#[tauri::command]
pub async fn register_request(desk: Desk<'_>, request: NewRequest) -> Answer<RequestView> {
    Ok(desk
        .service()?
        .register_request(&desk.actor()?, request)
        .await?)
}

#[tauri::command]
pub async fn request_by_code(desk: Desk<'_>, code: String) -> Answer<RequestView> {
    Ok(desk
        .service()?
        .request_by_code(&desk.actor()?, &code)
        .await?)
}

/// Takes `action` on a request. `expected_version` is the version the user was looking at, so a
/// change made meanwhile at another desk comes back as a conflict instead of being overwritten.
#[tauri::command]
pub async fn act(
    desk: Desk<'_>,
    code: String,
    action: String,
    note: Option<String>,
    expected_version: Option<i64>,
) -> Answer<RequestView> {
    let action = Action::parse("action", &action)?;
    Ok(desk
        .service()?
        .act(
            &desk.actor()?,
            &code,
            action,
            note.as_deref(),
            expected_version,
        )
        .await?)
}

#[tauri::command]
pub async fn queue(desk: Desk<'_>, page: PageRequest) -> Answer<Queue> {
    Ok(desk.service()?.queue(&desk.actor()?, page).await?)
}

#[tauri::command]
pub async fn search(desk: Desk<'_>, query: SearchQuery) -> Answer<Page<RequestSummary>> {
    Ok(desk.service()?.search(&desk.actor()?, query).await?)
}
