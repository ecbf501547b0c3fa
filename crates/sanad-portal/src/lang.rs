//! Which language a page is in: Persian unless the visitor chose English, by `?lang=en` (which
//! is then kept in a cookie) or by the cookie alone. The JSON API reads `Accept-Language` instead.

use axum::http::request::Parts;
use axum::http::HeaderMap;
use sanad_i18n::Lang;

use crate::cookies;

/// The page's language, and whether `?lang=` chose it now (so the cookie is set).
pub fn of_page(parts: &Parts) -> (Lang, bool) {
    let asked = parts.uri.query().and_then(|q| {
        q.split('&')
            .filter_map(|kv| kv.split_once('='))
            .find(|(k, _)| *k == "lang")
            .and_then(|(_, v)| Lang::parse(v))
    });
    match asked {
        Some(lang) => (lang, true),
        None => (
            cookies::get(&parts.headers, cookies::LANG)
                .and_then(|v| Lang::parse(&v))
                .unwrap_or_default(),
            false,
        ),
    }
}

/// The API's language: English only when `Accept-Language` puts English before Persian.
pub fn of_api(headers: &HeaderMap) -> Lang {
    let accept = headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    for range in accept.split(',') {
        let tag = range.split(';').next().unwrap_or("").trim();
        let primary = tag.split('-').next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "fa" => return Lang::Fa,
            "en" => return Lang::En,
            _ => {}
        }
    }
    Lang::Fa
}
