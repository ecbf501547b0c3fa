//! The domain of Sanad Desk, free of storage and UI: what a dispatch request is, who may move it
//! where, and how its fields are validated and normalized. Everything here is synchronous and pure
//! so that the service, the command line and the desktop app share one set of rules.

pub mod access;
pub mod calendar;
pub mod complaint_workflow;
pub mod delegation;
pub mod error;
pub mod field_check;
pub mod jalali;
pub mod kept_file;
pub mod model;
pub mod models;
pub mod normalize;
pub mod official_holidays;
pub mod register_template;
pub mod request_form;
pub mod slip_print;
pub mod tracking_code;
pub mod validate;
pub mod workflow;

pub use error::{DatabaseFileProblem, Error, FieldProblem, Problems, Result};
pub use tracking_code::TrackingCode;
