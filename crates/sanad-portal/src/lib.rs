//! The web portal (issue 14): a third front end over the same application layer as the desk and
//! `sanad`. Each handler parses the request, calls one `Service` use case and renders the answer
//! (a server-rendered page or JSON); every rule — who may, what is valid, which state — stays in
//! the core and the service.
//!
//! Layout: `app.rs` (the router and its state), `headers.rs` (security headers on every
//! response), `lang.rs` (Persian by default, English by cookie or `?lang=en`), `client.rs` (the
//! client's address, forwarded headers only when trusted), `cookies.rs` (reading and setting
//! cookies), `csrf.rs` (the forms' tokens), `pages/` (one file per page), `api/` (the JSON API, one file per resource, and its OpenAPI
//! document),
//! `assets.rs` (the stylesheet and Vazirmatn, served by the binary), `faults.rs` (errors to pages
//! and JSON).

mod api;
mod app;
mod assets;
mod client;
mod cookies;
mod csrf;
mod faults;
mod headers;
mod keys;
mod lang;
mod pages;

pub use api::openapi::DOCUMENT as OPENAPI_DOCUMENT;
pub use api::route_list as api_routes;
pub use app::{router, PortalConfig, PortalState};
