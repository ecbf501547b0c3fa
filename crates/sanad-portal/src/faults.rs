//! A service error as a person or a program meets it: the HTTP status and the message in the
//! page's or the caller's language. Raw database text is logged, never shown.

use axum::http::StatusCode;
use sanad_i18n::Localizer;
use sanad_service::Error;

/// The status an error answers with, as ARCHITECTURE.md's table gives it. Not permitted is 404
/// on the portal: whatever an agency may not see, it is told does not exist.
pub fn status(error: &Error) -> StatusCode {
    match error {
        Error::Invalid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        Error::AuthenticationFailed => StatusCode::UNAUTHORIZED,
        Error::NotPermitted {
            message_id: "error-track-locked" | "error-verify-locked",
            ..
        } => StatusCode::TOO_MANY_REQUESTS,
        Error::NotPermitted {
            message_id: "error-read-only-maintenance",
            ..
        } => StatusCode::SERVICE_UNAVAILABLE,
        Error::NotPermitted { .. } | Error::NotFound { .. } => StatusCode::NOT_FOUND,
        Error::Conflict { .. } => StatusCode::CONFLICT,
        _ => StatusCode::SERVICE_UNAVAILABLE,
    }
}

/// The message of `error` in `l10n`'s language.
pub fn message(error: &Error, l10n: &Localizer) -> String {
    match status(error) {
        StatusCode::SERVICE_UNAVAILABLE if !matches!(error, Error::NotPermitted { .. }) => {
            tracing::warn!(error = %error, "the database failed a portal call");
            l10n.text("portal-unavailable")
        }
        StatusCode::NOT_FOUND if matches!(error, Error::NotPermitted { .. }) => {
            l10n.text("portal-not-found")
        }
        StatusCode::NOT_FOUND if matches!(error, Error::NotFound { what: "page" }) => {
            l10n.text("portal-not-found")
        }
        _ => l10n.message(error.message_id(), &error.args()),
    }
}

/// A page's status and message.
pub fn for_page(error: &Error, l10n: &Localizer) -> (StatusCode, String) {
    (status(error), message(error, l10n))
}
