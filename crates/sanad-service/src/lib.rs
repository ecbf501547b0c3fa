//! The one service API of Sanad Desk. The desktop app's commands, the `sanad` command line and
//! the tests all call it; it takes the acting user with every call and enforces roles, states and
//! validation itself, so no caller can skip a rule.

mod audit;
mod audit_log;
mod backup;
mod bulk;
mod catalog;
mod changes;
mod clock;
mod complaints;
mod config_cache;
mod connection;
mod database_file;
mod deadlines;
mod delegations;
mod ecopies;
mod ecopy_delivery;
mod encryption;
mod folder_scans;
mod holidays;
mod keychain;
mod notices;
mod outbox;
mod pin;
mod policy;
mod portal_accounts;
mod portal_api;
mod portal_complaints;
mod portal_requests;
mod portal_role;
mod portal_session;
mod portal_tokens;
mod public_track;
mod public_verify;
mod receipts;
mod register_import;
mod report_export;
mod report_files;
mod reports;
mod requests;
mod scans;
mod sealer;
mod search;
mod service;
mod session;
mod signing_keys;
mod slips;
mod store;
mod tokens;
mod track;
mod ui_support;
mod users;
mod vocabulary;

pub use audit::AuditReport;
pub use audit_log::{AuditEntry, AuditQuery};
pub use backup::BackupSecret;
pub use bulk::{BulkItem, BulkOutcome, BulkResult, RefusalKind};
pub use changes::{ChangeFeed, DeskSignal};
pub use clock::{Clock, SystemClock};
pub use complaints::{
    Assignee, ComplaintDecision, ComplaintQuery, ComplaintStep, ComplaintSummary, ComplaintTarget,
    ComplaintView, NewComplaint,
};
pub use connection::{desk_database_url, ConnectionProfile, PostgresProfile, TlsMode};
pub use database_file::require_database;
pub use deadlines::StateTarget;
pub use delegations::{Delegation, NewDelegation};
pub use ecopies::EcopyInfo;
pub use ecopy_delivery::{EcopyDownload, ATTACH_TO_MAIL_KEY};
pub use encryption::{sqlite_file, DatabaseKey, OpenStage};
pub use folder_scans::FolderScan;
pub use holidays::{CalendarSettings, Holiday, OfficeHoursInput};
pub use keychain::{Keychain, SecretName};
pub use notices::{NewNotice, Notice, NoticeKind};
pub use outbox::{
    DeliveryReport, DeliveryState, MailSettings, MailTls, Notification, OUTBOX_EVERY,
};
pub use policy::AccountPolicy;
pub use portal_accounts::{AgencyAccount, NewAgencyUser};
pub use portal_api::{AgencyNewRequest, AgencyRequestPage, MAX_PER_PAGE};
pub use portal_complaints::{AgencyComplaint, AgencyComplaintStep};
pub use portal_requests::{
    AgencyCorrection, AgencyRequest, AgencyRequestInput, AgencyRequestLine, AgencyRequests,
    AgencySubmission, CorrectableFields, PublicStep, RECEIPT_PIN_MINUTES,
};
pub use portal_session::{OpenedPortalSession, PortalSession, PortalTimeouts};
pub use portal_tokens::{ApiRateLimit, IssuedPortalToken, PortalToken};
pub use public_track::PublicTrack;
pub use public_verify::{
    problem_code, Presented, PublicVerification, VerifyProblem, MAX_TOKEN_CHARS,
};
pub use register_import::{DocumentChange, ImportOutcome, ImportPlan};
pub use report_export::{report_csv, report_xlsx};
pub use report_files::ExportFormat;
pub use reports::{Cell, Report, ReportKind, ReportQuery};
pub(crate) use sanad_core::models;
pub use sanad_core::models::*;
pub use scans::IncomingFile;
pub use service::{default_database_url, desk_data_dir, Actor, CodeSource, Service};
pub use session::DeskSession;
pub use signing_keys::{SigningKeyState, SigningKeyView};
pub use slips::{OfficeProfile, SlipApproval, SlipPrint, RECEIPT_PAPERS, SLIP_PAPERS};
pub use store::Store;
pub use track::{mask_name, TrackStatus, TrackedKind};
pub use vocabulary::{vocabulary, Choice, Vocabulary};

pub use sanad_core::{self as core, DatabaseFileProblem, Error, Result, TrackingCode};
