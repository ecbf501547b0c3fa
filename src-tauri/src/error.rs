//! How an error crosses to the web UI: `{ code, messageId, args, field? }`, the core's
//! [`sanad_core::error::ErrorPayload`] as an owned value the UI formats in Persian. Storage details
//! never cross; they go to the desk's log.

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

/// An error as the UI receives it from a rejected `invoke`.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
#[serde(rename_all = "camelCase")]
pub struct CommandError {
    /// Stable machine code: `invalid_input`, `not_permitted`, `authentication_failed`,
    /// `conflict`, `not_found`, `storage`, `not_signed_in`, or `not_ready` (the database is
    /// still opening).
    pub code: String,
    /// The Fluent message id the UI shows.
    pub message_id: String,
    /// Fluent arguments of the message.
    pub args: BTreeMap<String, String>,
    /// For validation: the field to mark (`applicant.national_code`, `letter.date`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<String>,
    /// For validation: every bad field of the submit, the first being `field`, so the window
    /// marks them all at once.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub fields: Option<Vec<FieldError>>,
}

/// One bad field of a form, as the window marks it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldError {
    pub field: String,
    pub message_id: String,
    pub args: BTreeMap<String, String>,
}

impl From<sanad_service::Error> for CommandError {
    fn from(error: sanad_service::Error) -> Self {
        match &error {
            sanad_service::Error::Storage(detail) => log::error!("storage error: {detail}"),
            sanad_service::Error::ConnectionLost { at_commit } => {
                log::warn!("database connection lost (at commit: {at_commit})");
            }
            _ => {}
        }
        let payload = error.to_payload();
        let fields = (!payload.fields.is_empty()).then(|| {
            payload
                .fields
                .into_iter()
                .map(|p| FieldError {
                    field: p.field,
                    message_id: p.message_id.to_owned(),
                    args: p.args,
                })
                .collect()
        });
        CommandError {
            code: payload.code.to_owned(),
            message_id: payload.message_id.to_owned(),
            args: payload.args,
            field: payload.field,
            fields,
        }
    }
}

/// The application layer's failures in the window's words (`ui-*` messages; the command line has
/// its own, naming its flags).
impl From<sanad_app::AppError> for CommandError {
    fn from(error: sanad_app::AppError) -> Self {
        use sanad_app::{AppError, PrintError};
        match error {
            AppError::Service(e) => e.into(),
            AppError::Printing(PrintError::NoSuchPrinter(name)) => {
                CommandError::new("printer", "ui-slip-no-such-printer").with_arg("printer", name)
            }
            AppError::Printing(PrintError::NoPrinter) => {
                CommandError::new("printer", "ui-slip-no-printer")
            }
            AppError::Printing(PrintError::Spooler(detail)) => {
                log::error!("spooler: {detail}");
                CommandError::new("printer", "ui-slip-spooler-refused")
            }
            AppError::Printing(PrintError::NeedsRenderedPages) => {
                CommandError::new("needs_rendered_pages", "ui-slip-print-preview")
            }
            AppError::Render(detail) => {
                log::error!("slip rendering failed: {detail}");
                CommandError::new("slip_render", "ui-slip-render-failed")
            }
            AppError::File { field, path } => CommandError::file(field, &path),
        }
    }
}

impl CommandError {
    /// An error of the shell itself (printing, files), with a `ui-*` message.
    pub fn new(code: &str, message_id: &str) -> Self {
        CommandError {
            code: code.to_owned(),
            message_id: message_id.to_owned(),
            args: BTreeMap::new(),
            field: None,
            fields: None,
        }
    }

    pub fn with_arg(mut self, name: &str, value: impl Into<String>) -> Self {
        self.args.insert(name.to_owned(), value.into());
        self
    }

    /// A file the user named could not be read or written; the field shows it.
    pub fn file(field: &str, path: &str) -> Self {
        CommandError {
            field: Some(field.to_owned()),
            ..CommandError::new("invalid_input", "ui-error-file").with_arg("path", path)
        }
    }

    /// A command that needs a signed-in user was called with nobody signed in (for example after
    /// the session ended): the UI goes back to the login screen.
    pub fn not_signed_in() -> Self {
        CommandError::new("not_signed_in", "ui-error-not-signed-in")
    }

    /// A command that needs the database was called while the desk is still opening it (the
    /// window is created first and waits for `app_status`, so only a hurried caller sees this).
    pub fn not_ready() -> Self {
        CommandError::new("not_ready", "ui-error-not-ready")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_error_crosses_with_its_field_and_message() {
        let error =
            sanad_service::Error::invalid("applicant.national_code", "error-national-code-invalid");
        let json = serde_json::to_value(CommandError::from(error)).expect("serializes");
        assert_eq!(
            json,
            serde_json::json!({
                "code": "invalid_input",
                "messageId": "error-national-code-invalid",
                "args": {},
                "field": "applicant.national_code",
                "fields": [{
                    "field": "applicant.national_code",
                    "messageId": "error-national-code-invalid",
                    "args": {}
                }]
            })
        );
    }

    #[test]
    fn storage_details_never_cross() {
        let error = sanad_service::Error::Storage("password authentication failed for db".into());
        let json = serde_json::to_string(&CommandError::from(error)).expect("serializes");
        assert!(!json.contains("password"), "{json}");
        assert!(json.contains("error-storage"), "{json}");
    }
}
