//! The application layer's use cases that reach beyond the service: a slip issued and printed
//! or saved, a backup written to or read from a file, a report exported to a file, and where such
//! files are offered to go. Every front end (the desk's Tauri commands, `sanad`, the portal)
//! calls these — or, for everything that stays inside the database, the one
//! [`sanad_service::Service`] — and only parses input and presents the result.
//!
//! Each use case takes the service, the actor and a typed input, and answers a typed result or
//! an [`AppError`] with a stable code. The service checks the actor and every rule; nothing here
//! decides who may do what.
//!
//! Public: [`slip::preview`], [`slip::issue`], [`receipt::of_registration`], [`receipt::print`], [`files::write_backup`],
//! [`files::restore_backup`], [`files::export_report`], [`files::suggested_backup_path`],
//! [`files::suggested_export_path`], [`connection::switch_database`], [`connection::shown`].

pub mod connection;
pub mod ecopy;
mod error;
pub mod files;
pub mod folder;
pub mod receipt;
pub mod slip;

pub use error::AppError;
pub use files::FileWritten;
pub use sanad_i18n::Lang;
pub use sanad_slip::printing::PrintError;
pub use sanad_slip::PaperSize;
