//! The portal's cookies: reading one from the request, and the `Set-Cookie` lines it writes.
//! Every cookie is `HttpOnly` (no script reads them; the portal has none) and `SameSite=Strict`
//! (another site's page cannot make the browser send them), and `Secure` except on plain
//! loopback HTTP.

use axum::http::HeaderMap;

use crate::app::PortalState;

/// The session's random id.
pub const SESSION: &str = "sanad_session";
/// The token of the forms shown before signing in (double-submit: cookie and field agree).
pub const FORM_TOKEN: &str = "sanad_form";
/// The chosen language.
pub const LANG: &str = "sanad_lang";

/// The value of cookie `name`, if the request carries it.
pub fn get(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
        .filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A `Set-Cookie` value for `name=value`, for the session (`max_age` none: until the browser
/// closes; the server's timeouts end it sooner).
pub fn set(state: &PortalState, name: &str, value: &str, max_age: Option<i64>) -> String {
    let secure = if state.config.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let age = max_age
        .map(|s| format!("; Max-Age={s}"))
        .unwrap_or_default();
    format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict{secure}{age}")
}

/// A `Set-Cookie` value that removes `name`.
pub fn clear(state: &PortalState, name: &str) -> String {
    set(state, name, "", Some(0))
}
