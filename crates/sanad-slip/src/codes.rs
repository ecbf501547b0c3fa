//! The tracking code as machine-readable symbols: a Code 128 barcode (the desk's scanner types
//! the code and Enter) and a QR code (phones). The bars carry the 12 ASCII digits only; the QR
//! carries the signed token (`sanad-token`) when the desk has a signing key, else the digits.

use barcoders::sym::code128::Code128;
use qrcode::{EcLevel, QrCode};

use crate::SlipError;

/// Code 128 modules, one per narrow bar width: `true` is a dark bar.
pub fn code128_modules(digits: &str) -> Result<Vec<bool>, SlipError> {
    // Character set C packs two digits per symbol: the shortest bars for a numeric code.
    let barcode = Code128::new(format!("\u{0106}{digits}")).map_err(|_| SlipError::Barcode)?;
    Ok(barcode.encode().into_iter().map(|m| m == 1).collect())
}

/// QR modules, row by row, `width` × `width`: `true` is dark.
pub struct QrModules {
    pub width: usize,
    pub dark: Vec<bool>,
}

pub fn qr_modules(text: &str) -> Result<QrModules, SlipError> {
    // Level M survives a smudged or creased slip (15% of the symbol) and stays small; the
    // encoder picks alphanumeric mode for a Base45 token.
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|_| SlipError::Barcode)?;
    Ok(QrModules {
        width: code.width(),
        dark: code
            .to_colors()
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code128_of_twelve_digits_is_compact() {
        let modules = code128_modules("358122904417").expect("encode");
        // start + 6 digit pairs + check symbol, 11 modules each, and a 13-module stop.
        assert_eq!(modules.len(), 8 * 11 + 13);
        assert!(modules[0]);
    }

    #[test]
    fn qr_is_square() {
        let qr = qr_modules("358122904417").expect("encode");
        assert_eq!(qr.dark.len(), qr.width * qr.width);
    }
}
