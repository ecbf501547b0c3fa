//! The stylesheet and the two Vazirmatn weights, compiled into the binary: the portal loads
//! nothing from elsewhere (the CSP says `'self'` only). Vazirmatn is under the SIL Open Font
//! License (`assets/Vazirmatn-OFL.txt`), the same files the desk's window uses.

use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

const STYLE: &str = include_str!("../assets/portal.css");
const REGULAR: &[u8] = include_bytes!("../assets/Vazirmatn-Regular.woff2");
const BOLD: &[u8] = include_bytes!("../assets/Vazirmatn-Bold.woff2");

/// Static: the same for everyone, so caches may keep it for a day.
const CACHE: &str = "public, max-age=86400";

pub async fn style() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, CACHE),
        ],
        STYLE,
    )
        .into_response()
}

pub async fn font(Path(name): Path<String>) -> Response {
    let bytes = match name.as_str() {
        "Vazirmatn-Regular.woff2" => REGULAR,
        "Vazirmatn-Bold.woff2" => BOLD,
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    (
        [
            (header::CONTENT_TYPE, "font/woff2"),
            (header::CACHE_CONTROL, CACHE),
        ],
        bytes,
    )
        .into_response()
}
