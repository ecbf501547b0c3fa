//! The four kinds of file the register keeps, recognised by their first bytes.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScanKind {
    Pdf,
    Jpeg,
    Png,
    Tiff,
}

impl ScanKind {
    /// The kind the content claims at its very start. A PDF header further in (which readers
    /// tolerate) is not accepted: what is kept must be what it looks like from byte zero.
    pub fn sniff(bytes: &[u8]) -> Option<ScanKind> {
        if bytes.starts_with(b"%PDF-") {
            Some(ScanKind::Pdf)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(ScanKind::Jpeg)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(ScanKind::Png)
        } else if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
            Some(ScanKind::Tiff)
        } else {
            None
        }
    }

    /// The stored spelling (`kind` column) and the MIME type the file is served as.
    pub fn as_str(self) -> &'static str {
        match self {
            ScanKind::Pdf => "pdf",
            ScanKind::Jpeg => "jpeg",
            ScanKind::Png => "png",
            ScanKind::Tiff => "tiff",
        }
    }

    pub fn parse(text: &str) -> Option<ScanKind> {
        [ScanKind::Pdf, ScanKind::Jpeg, ScanKind::Png, ScanKind::Tiff]
            .into_iter()
            .find(|k| k.as_str() == text)
    }

    pub fn mime(self) -> &'static str {
        match self {
            ScanKind::Pdf => "application/pdf",
            ScanKind::Jpeg => "image/jpeg",
            ScanKind::Png => "image/png",
            ScanKind::Tiff => "image/tiff",
        }
    }
}

/// A word for what an unkept file seems to be, for the refusal: «text», «zip», … or «unknown».
pub(crate) fn describe_unknown(bytes: &[u8]) -> &'static str {
    let head = &bytes[..bytes.len().min(512)];
    if head.starts_with(b"PK\x03\x04") {
        "zip"
    } else if head.starts_with(b"GIF8") {
        "gif"
    } else if head.starts_with(b"RIFF") {
        "riff"
    } else if head.starts_with(b"MZ") || head.starts_with(b"\x7fELF") {
        "program"
    } else if head.windows(5).any(|w| w == b"%PDF-") {
        "pdf-late"
    } else if std::str::from_utf8(head).is_ok() || head.iter().all(|b| b.is_ascii()) {
        "text"
    } else {
        "unknown"
    }
}
