//! Who is asking: the client's address, for the lookup's per-address limit and the audit log.
//! The connection's peer address, unless the portal was told it sits behind a reverse proxy
//! (`--trust-forwarded`), when the proxy's `X-Forwarded-For` names the client (its last entry:
//! the one the office's own proxy added, not one a client wrote).

use std::net::SocketAddr;

use axum::extract::ConnectInfo;
use axum::http::request::Parts;

use crate::app::PortalState;

pub fn address(parts: &Parts, state: &PortalState) -> String {
    if state.config.trust_forwarded {
        let forwarded = parts
            .headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .map(str::trim)
            .filter(|v| v.parse::<std::net::IpAddr>().is_ok());
        if let Some(ip) = forwarded {
            return ip.to_owned();
        }
    }
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip().to_string())
        .unwrap_or_else(|| "unknown".to_owned())
}
