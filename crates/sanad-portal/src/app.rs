//! The router: every route of the portal, the state handlers share, and the layers every
//! response passes through.

use std::sync::Arc;

use axum::routing::{get, post};
use axum::Router;
use sanad_i18n::{Lang, Localizer};
use sanad_service::Service;

use crate::{api, assets, headers, pages};

/// How this portal process was started.
#[derive(Debug, Clone)]
pub struct PortalConfig {
    /// Behind a reverse proxy: take the client's address from `X-Forwarded-For` and treat the
    /// connection as HTTPS. Off by default, so a client cannot choose its own address.
    pub trust_forwarded: bool,
    /// Cookies carry `Secure` (every case but plain HTTP on a loopback address).
    pub secure_cookies: bool,
}

/// What every handler gets: the service, the configuration and a localizer per language.
#[derive(Clone)]
pub struct PortalState {
    pub service: Service,
    pub config: PortalConfig,
    fa: Arc<Localizer>,
    en: Arc<Localizer>,
}

impl PortalState {
    pub fn new(service: Service, config: PortalConfig) -> PortalState {
        PortalState {
            service,
            config,
            fa: Arc::new(Localizer::new(Lang::Fa)),
            en: Arc::new(Localizer::new(Lang::En)),
        }
    }

    pub(crate) fn l10n(&self, lang: Lang) -> Arc<Localizer> {
        match lang {
            Lang::Fa => self.fa.clone(),
            Lang::En => self.en.clone(),
        }
    }
}

/// Forms and JSON bodies are small; anything larger is refused before it is read.
const BODY_LIMIT: usize = 64 * 1024;

/// The portal's routes, for `main` and for the tests (which call it without a listener).
pub fn router(state: PortalState) -> Router {
    // The forms that carry a file: the body is bounded by the scan limit setting instead, read
    // in the handler (`pages::new_request::read`), since the administrator may change it.
    let uploads = Router::new()
        .route(
            "/requests/new",
            get(pages::new_request::page).post(pages::new_request::submit),
        )
        // A certified copy to verify: bounded by `pages::verify::MAX_COPY_BYTES`, in the handler.
        .route("/verify/copy", post(pages::verify::copy))
        .layer(axum::extract::DefaultBodyLimit::disable());
    Router::new()
        .route("/", get(pages::track::page).post(pages::track::lookup))
        .route("/login", get(pages::login::page).post(pages::login::submit))
        .route("/verify", get(pages::verify::page))
        .route("/verify/token", post(pages::verify::token))
        .route("/verify/code", post(pages::verify::code))
        .route("/logout", post(pages::login::logout))
        .route(
            "/password",
            get(pages::password::page).post(pages::password::submit),
        )
        .route("/requests", get(pages::requests::list))
        .route("/requests/{code}", get(pages::request::show))
        .route("/requests/{code}/receipt.pdf", get(pages::receipt::pdf))
        .route("/requests/{code}/ecopy.pdf", get(pages::request::ecopy))
        .route("/requests/{code}/resubmit", post(pages::request::resubmit))
        .route(
            "/complaints/new",
            get(pages::complaints::page).post(pages::complaints::submit),
        )
        .route("/complaints/{code}", get(pages::complaints::show))
        .nest("/api/v1", api::routes())
        .route("/.well-known/sanad-keys.json", get(crate::keys::key_set))
        .route("/style.css", get(assets::style))
        .route("/fonts/{name}", get(assets::font))
        .fallback(pages::not_found)
        .layer(tower_http::limit::RequestBodyLimitLayer::new(BODY_LIMIT))
        .merge(uploads)
        .layer(axum::middleware::from_fn(headers::secure))
        .with_state(state)
}
