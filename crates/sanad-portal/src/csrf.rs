//! Every form carries a token the handler checks before calling anything. Signed in, it is the
//! session's own token (kept with the session in the database). Before signing in (the lookup
//! and the sign-in forms) it is a random value set in a `SameSite=Strict` cookie and repeated in
//! the form (double submit): another site can make a browser post a form, but cannot read or set
//! this cookie, so it cannot make the two agree.

use axum::http::HeaderMap;
use rand::RngCore;

use crate::app::PortalState;
use crate::cookies;

/// The pre-session token for a form about to be shown, and the cookie to set when the browser
/// has none yet.
pub fn form_token(headers: &HeaderMap, state: &PortalState) -> (String, Option<String>) {
    match cookies::get(headers, cookies::FORM_TOKEN) {
        Some(token) => (token, None),
        None => {
            let token = random();
            let cookie = cookies::set(state, cookies::FORM_TOKEN, &token, None);
            (token, Some(cookie))
        }
    }
}

/// Whether a posted pre-session form's token matches the browser's cookie.
pub fn form_token_ok(headers: &HeaderMap, posted: &str) -> bool {
    cookies::get(headers, cookies::FORM_TOKEN).is_some_and(|c| same(&c, posted))
}

/// Compared in constant time, so the check does not leak how much of a guess was right.
pub fn same(expected: &str, given: &str) -> bool {
    expected.len() == given.len()
        && !expected.is_empty()
        && expected
            .bytes()
            .zip(given.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

/// 32 random bytes from the OS, as hex.
pub(crate) fn random() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
