//! The commands the web UI invokes, one file per feature. Each parses its arguments, calls one use
//! case — a [`sanad_service::Service`] method or a `sanad_app` function — and returns its
//! result; the core checks the role, the state and every field. Errors cross as
//! [`CommandError`]. The TypeScript client (`ui/src/lib/commands.ts`) is generated from these
//! functions' signatures (see `client.rs`), so a renamed command fails to compile in the window.

use sanad_core::access::Permissions;
use sanad_core::model::Action;
use sanad_service::{
    Actor, DeskSession, Document, NewDocument, NewOrganization, NewRequest, NewUser, Organization,
    Page, PageRequest, Queue, RequestSummary, RequestView, SearchQuery, User, Vocabulary,
};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::CommandError;
use crate::state::{DeskState, StartStage};

pub mod accounts;
pub mod agency_accounts;
pub mod audit;
pub mod backup;
pub mod calendar;
pub mod changes;
pub mod checks;
pub mod complaints;
pub mod connection;
pub mod delegations;
pub mod ecopy;
pub mod files;
pub mod mail;
pub mod notices;
pub mod portal_tokens;
pub mod receipt;
pub mod register_import;
pub mod reports;
pub mod signing_keys;
pub mod slip;
pub mod track;

type Desk<'a> = State<'a, DeskState>;
type Answer<T> = Result<T, CommandError>;

/// Who is signed in at this desk, and what the core lets them do from the window.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
pub struct Session {
    pub username: String,
    pub display_name: String,
    pub role: sanad_core::model::Role,
    /// Signed in with the administrator's one-time password: the desk shows only the form to
    /// choose a new one (the core refuses everything else until then).
    pub must_change_password: bool,
    /// The desk returns to the sign-in screen after this many minutes without input (policy);
    /// the session also ends by itself in the core after as long without a call.
    pub idle_minutes: u32,
    /// The screens and buttons of this role, from the core.
    pub permissions: Permissions,
}

impl Session {
    fn new(session: &DeskSession) -> Self {
        let actor: &Actor = session.who();
        Session {
            username: actor.username().to_owned(),
            display_name: actor.display_name().to_owned(),
            role: actor.role(),
            must_change_password: actor.must_change_password(),
            idle_minutes: session.idle_minutes(),
            permissions: Permissions::of(actor.role()),
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

/// What the window needs at start-up; waits while the desk is still opening its database
/// (`start_stage` says what for), then answers, or answers why it did not open.
#[tauri::command]
pub async fn app_status(desk: Desk<'_>) -> Answer<AppStatus> {
    desk.ready().await;
    let (database, _) = desk.database_shown();
    let service = desk.service()?;
    Ok(AppStatus {
        database,
        backend: service.backend_name().to_owned(),
        needs_first_admin: service.needs_first_admin().await?,
        session: desk.current().as_ref().map(Session::new),
    })
}

/// What the desk's start-up is waiting for (the keychain, the database), for the start screen
/// while `app_status` is pending. Answers at once.
#[tauri::command]
pub fn start_stage(desk: Desk<'_>) -> StartStage {
    desk.stage()
}

/// The window painted its first screen (sign-in, first run or the desk): the background work
/// (the outbox) starts now rather than competing with it.
#[tauri::command]
pub fn first_screen_shown(desk: Desk<'_>) {
    desk.first_screen_shown();
}

/// The lists of values every select offers, with their labels' message ids.
#[tauri::command]
pub fn vocabulary() -> Vocabulary {
    sanad_service::vocabulary()
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
    let session = service
        .start_session(service.login(&username, &password).await?)
        .await?;
    desk.sign_in(session.clone());
    Ok(Session::new(&session))
}

/// Input in the window (typing, pointing) that made no call: keeps the session open. Answers
/// `not_signed_in` once it has ended.
#[tauri::command]
pub fn session_touch(desk: Desk<'_>) -> Answer<()> {
    desk.actor().map(|_| ())
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

/// Registers a request. The answer carries the follow-up PIN this once; its receipt is kept in
/// this process for the receipt dialog (`receipt.rs`), since the PIN can never be read back.
#[tauri::command]
pub async fn register_request(desk: Desk<'_>, request: NewRequest) -> Answer<RequestView> {
    let service = desk.service()?;
    let actor = desk.actor()?;
    let view = service.register_request(&actor, request).await?;
    match sanad_app::receipt::of_registration(&service, &actor, &view).await {
        Ok(Some(receipt)) => desk.keep_receipt(receipt),
        Ok(None) => {}
        // Registered all the same: the dialog shows the PIN and says the receipt cannot print.
        Err(error) => log::warn!("the registration receipt could not be made: {error}"),
    }
    Ok(view)
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
    action: Action,
    note: Option<String>,
    expected_version: Option<i64>,
) -> Answer<RequestView> {
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
