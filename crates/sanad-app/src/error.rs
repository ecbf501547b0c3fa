//! Why a use case of this layer failed: the core's refusal, or the printer, the slip's drawing
//! or a file the user named. Each front end presents these in its own words (the command line
//! names its flags, the window its fields); the codes are stable.

use sanad_slip::printing::PrintError;

#[derive(Debug)]
pub enum AppError {
    /// The service refused or failed: invalid input, a role or state that does not allow it, a
    /// conflict, not found, storage.
    Service(sanad_service::Error),
    /// The slip did not reach a printer (no such printer, none chosen, the spooler refused).
    Printing(PrintError),
    /// The slip could not be drawn (a broken embedded font or barcode): a fault of the build.
    Render(String),
    /// A file the user named could not be read or written; `field` is the form field.
    File { field: &'static str, path: String },
}

impl AppError {
    /// A stable machine code, as the service's errors have.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Service(e) => e.code(),
            AppError::Printing(_) => "printer",
            AppError::Render(_) => "slip_render",
            AppError::File { .. } => "invalid_input",
        }
    }
}

impl From<sanad_service::Error> for AppError {
    fn from(e: sanad_service::Error) -> Self {
        AppError::Service(e)
    }
}

impl From<PrintError> for AppError {
    fn from(e: PrintError) -> Self {
        AppError::Printing(e)
    }
}

impl From<sanad_slip::SlipError> for AppError {
    fn from(e: sanad_slip::SlipError) -> Self {
        tracing::error!(error = %e, "slip rendering failed");
        AppError::Render(e.to_string())
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AppError::Service(e) => write!(f, "{e}"),
            AppError::Printing(e) => write!(f, "{e}"),
            AppError::Render(detail) => write!(f, "slip rendering failed: {detail}"),
            AppError::File { path, .. } => write!(f, "cannot use the file {path}"),
        }
    }
}

impl std::error::Error for AppError {}
