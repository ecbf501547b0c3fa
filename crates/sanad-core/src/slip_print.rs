//! Everything printed on one copy of a request's slip (`sanad-slip` draws it; the service
//! issues it): plain data.

use serde::{Deserialize, Serialize};

use crate::model::Role;
use crate::models::RequestView;

/// The office as printed on its slips.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct OfficeProfile {
    pub directorate_name: String,
    /// A PNG image, when the office has set one.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub logo_png: Option<Vec<u8>>,
}

/// One approval as the slip lists it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct SlipApproval {
    /// The approver's full name.
    pub name: String,
    pub role: Role,
    /// Asia/Tehran, Jalali: `1404/10/30 14:05`.
    pub at_jalali: String,
    /// Approved under a delegation: the display name of the person acted for, printed
    /// «سرپرست، به جانشینی از …».
    #[serde(default)]
    pub acting_for: Option<String>,
}

/// Everything printed on one copy of a request's slip.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct SlipPrint {
    pub request: RequestView,
    /// 1 for the first print; 2 and up are duplicates (المثنی).
    pub copy: i64,
    pub paper: String,
    /// RFC 3339, UTC.
    pub issued_at: String,
    /// Asia/Tehran, Jalali: `1404/10/30 14:05`.
    pub issued_at_jalali: String,
    /// The full name of the clerk issuing it.
    pub clerk: String,
    pub approvals: Vec<SlipApproval>,
    pub office: OfficeProfile,
    /// The signed token the QR code carries (`sanad-token`); `None` when this desk holds no
    /// signing key, and the QR then carries the tracking code as before.
    #[serde(default)]
    pub token: Option<String>,
}

impl SlipPrint {
    pub fn is_duplicate(&self) -> bool {
        self.copy > 1
    }
}
