//! The one service API of Sanad Desk. The desktop app's commands, the `sanad` command line and
//! the tests all call it; it takes the acting user with every call and enforces roles, states and
//! validation itself, so no caller can skip a rule.

mod audit;
mod catalog;
mod clock;
mod deadlines;
mod models;
mod requests;
mod search;
mod service;
mod store;
mod users;

pub use audit::AuditReport;
pub use clock::{Clock, SystemClock};
pub use deadlines::StateTarget;
pub use models::*;
pub use service::{default_database_url, Actor, CodeSource, Service};
pub use store::Store;

pub use sanad_core::{self as core, Error, Result, TrackingCode};
