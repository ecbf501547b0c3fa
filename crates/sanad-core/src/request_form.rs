//! A request as a front end submits it: the desk's form, `sanad request new --file` and (coming)
//! the portal. Plain data, taken as typed and validated by the service; here, beside the rules,
//! so that tools which only parse it (the fuzz targets) need no storage or network code.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A request as a desk submits it (`sanad request new --file`). Strings are taken as typed and
/// validated by the service; nothing is trusted because it parsed.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct NewRequest {
    pub requesting_org: String,
    #[serde(default)]
    pub destination_org: Option<String>,
    pub documents: Vec<String>,
    pub dispatch_mode: String,
    #[serde(default)]
    pub return_due: Option<String>,
    pub applicant: Applicant,
    pub letter: Letter,
    pub purpose: String,
    #[serde(default = "default_priority")]
    pub priority: String,
    /// The desk's key for this registration (one per draft): when the answer to a registration
    /// was lost, sending it again with the same key returns the request registered the first
    /// time instead of registering a second one. 8–100 of `A–Z a–z 0–9 - _`.
    #[serde(default)]
    #[ts(optional)]
    pub idempotency_key: Option<String>,
}

fn default_priority() -> String {
    "normal".to_owned()
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq, TS)]
pub struct Applicant {
    pub name: String,
    pub national_code: String,
    pub mobile: String,
    /// Where results are e-mailed (optional).
    #[serde(default)]
    pub email: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq, TS)]
pub struct Letter {
    pub number: String,
    pub date: String,
}
