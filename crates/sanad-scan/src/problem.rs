//! Why a file was refused. Each problem has a Fluent message id (`i18n/*/files.ftl`) and the
//! arguments its message names, so every front end words it in its language.

use crate::ScanKind;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScanProblem {
    #[error("the file is empty")]
    Empty,
    #[error("the file is {size_bytes} bytes, over the limit of {limit_bytes}")]
    TooLarge { limit_bytes: u64, size_bytes: u64 },
    #[error("not a PDF, JPEG, PNG or TIFF file (looks like {looks_like})")]
    NotAScan { looks_like: &'static str },
    #[error("the {kind:?} file is damaged or cut short: {detail}")]
    Malformed { kind: ScanKind, detail: String },
    #[error("the {kind:?} file has data after its end")]
    TrailingData { kind: ScanKind },
    #[error("the PDF carries active content: {what}")]
    ActiveContent { what: &'static str },
    #[error("the PDF carries embedded files")]
    EmbeddedFiles,
    #[error("the PDF is encrypted")]
    Encrypted,
    #[error("the file has no pages")]
    NoPages,
    #[error("the file has {pages} pages, over {limit}")]
    TooManyPages { pages: u64, limit: u32 },
    #[error("the file expands far beyond its size (a decompression bomb)")]
    Bomb,
}

impl ScanProblem {
    /// The Fluent message id.
    pub fn message_id(&self) -> &'static str {
        match self {
            ScanProblem::Empty => "error-scan-empty",
            ScanProblem::TooLarge { .. } => "error-scan-too-large",
            ScanProblem::NotAScan { .. } => "error-scan-not-a-scan",
            ScanProblem::Malformed { .. } => "error-scan-malformed",
            ScanProblem::TrailingData { .. } => "error-scan-trailing-data",
            ScanProblem::ActiveContent { .. } => "error-scan-active-content",
            ScanProblem::EmbeddedFiles => "error-scan-embedded-files",
            ScanProblem::Encrypted => "error-scan-encrypted",
            ScanProblem::NoPages => "error-scan-no-pages",
            ScanProblem::TooManyPages { .. } => "error-scan-too-many-pages",
            ScanProblem::Bomb => "error-scan-bomb",
        }
    }

    /// The message's arguments (`kind` is the format's name; sizes in megabytes, rounded up).
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            ScanProblem::TooLarge {
                limit_bytes,
                size_bytes,
            } => vec![
                ("limit", megabytes(*limit_bytes)),
                ("size", megabytes(*size_bytes)),
            ],
            ScanProblem::NotAScan { looks_like } => vec![("looks", (*looks_like).to_owned())],
            ScanProblem::Malformed { kind, .. } | ScanProblem::TrailingData { kind } => {
                vec![("kind", kind.as_str().to_owned())]
            }
            ScanProblem::ActiveContent { what } => vec![("what", (*what).to_owned())],
            ScanProblem::TooManyPages { pages, limit } => {
                vec![("pages", pages.to_string()), ("limit", limit.to_string())]
            }
            _ => Vec::new(),
        }
    }
}

fn megabytes(bytes: u64) -> String {
    let tenths = bytes.saturating_mul(10).div_ceil(1024 * 1024);
    if tenths.is_multiple_of(10) {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}
