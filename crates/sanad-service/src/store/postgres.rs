//! The office backend: a PostgreSQL server shared by several desks. Its rooms are the same files
//! as the embedded backend's, compiled again with this `Db`.

pub type Db = sqlx::Postgres;
pub type Pool = sqlx::Pool<Db>;
pub type Tx = sqlx::Transaction<'static, Db>;

#[path = "ops/audit.rs"]
pub mod audit;
#[path = "ops/backup.rs"]
pub mod backup;
#[path = "ops/calendar.rs"]
pub mod calendar;
#[path = "ops/common.rs"]
mod common;
#[path = "ops/complaints.rs"]
pub mod complaints;
#[path = "ops/deadline_fold.rs"]
pub mod deadline_fold;
#[path = "ops/delegations.rs"]
pub mod delegations;
#[path = "ops/documents.rs"]
pub mod documents;
#[path = "ops/ecopy_delivery.rs"]
pub mod ecopy_delivery;
#[path = "ops/files.rs"]
pub mod files;
#[path = "ops/keys.rs"]
pub mod keys;
#[path = "ops/notices.rs"]
pub mod notices;
#[path = "ops/organizations.rs"]
pub mod organizations;
#[path = "ops/outbox.rs"]
pub mod outbox;
#[path = "ops/portal.rs"]
pub mod portal;
#[path = "ops/portal_tokens.rs"]
pub mod portal_tokens;
#[path = "ops/queue.rs"]
pub mod queue;
#[path = "ops/receipts.rs"]
pub mod receipts;
#[path = "ops/reports.rs"]
pub mod reports;
#[path = "ops/request_page.rs"]
pub mod request_page;
#[path = "ops/requests.rs"]
pub mod requests;
#[path = "ops/settings.rs"]
pub mod settings;
#[path = "ops/slips.rs"]
pub mod slips;
#[path = "ops/text_postgres.rs"]
mod text;
#[path = "ops/users.rs"]
pub mod users;
#[path = "ops/write_postgres.rs"]
mod write;

/// The office backend's own: the change feed's LISTEN and its schema as PostgreSQL reports it,
/// and the portal's login role.
#[path = "ops/changes.rs"]
pub mod changes;
#[path = "ops/portal_role.rs"]
pub mod portal_role;
#[cfg(test)]
#[path = "ops/postgres_schema.rs"]
pub mod schema;

pub use audit::*;
pub use backup::*;
pub use calendar::*;
pub use changes::*;
pub use complaints::*;
pub use deadline_fold::*;
pub use delegations::*;
pub use documents::*;
pub use ecopy_delivery::*;
pub use files::*;
pub use keys::*;
pub use notices::*;
pub use organizations::*;
pub use outbox::*;
pub use portal::*;
pub use portal_role::*;
pub use portal_tokens::*;
pub use queue::*;
pub use receipts::*;
pub use reports::*;
pub use request_page::*;
pub use requests::*;
pub use settings::*;
pub use slips::*;
pub use text::*;
pub use users::*;
pub use write::*;
