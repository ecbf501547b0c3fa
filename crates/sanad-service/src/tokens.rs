//! Signing what a slip or a certified copy says (`sanad_token::Claims`) with this desk's key.
//!
//! Crate-internal: `Service::slip_token`, `Service::document_digests`, `claims_of`. SQL:
//! `store/ops/files.rs`, `store/ops/keys.rs`.

use sanad_core::models::RequestView;
use sanad_core::Result;
use sanad_token::{Claims, Destination, KeyPair, TokenKind};

use crate::store::on_store;
use crate::Service;

impl Service {
    /// The token for copy `copy` of a slip signed now, or `None` when this desk holds no
    /// signing key (the slip's QR then carries the tracking code alone).
    pub(crate) async fn slip_token(
        &self,
        request: &RequestView,
        copy: i64,
        now: i64,
    ) -> Result<Option<String>> {
        let Some(key) = self.desk_signer().await? else {
            return Ok(None);
        };
        let documents = self.document_digests(request).await?;
        let mut claims = claims_of(request, TokenKind::Slip, now, documents);
        claims.copy = u32::try_from(copy).ok();
        Ok(Some(sign(&claims, &key)))
    }

    /// The short digest of each document's current scan, in the request's order (empty for a
    /// document with no scan).
    pub(crate) async fn document_digests(&self, request: &RequestView) -> Result<Vec<Vec<u8>>> {
        let mut out = Vec::with_capacity(request.documents.len());
        for doc in &request.documents {
            let rows =
                on_store!(&self.store, ops, pool => ops::document_scans(pool, &doc.id).await)?;
            out.push(
                rows.first()
                    .and_then(|r| sanad_token::short_of_hex(&r.sha256))
                    .map(|d| d.to_vec())
                    .unwrap_or_default(),
            );
        }
        Ok(out)
    }
}

/// What a token binds, from the request's page (signed at `now`, UTC microseconds).
pub(crate) fn claims_of(
    request: &RequestView,
    kind: TokenKind,
    now: i64,
    documents: Vec<Vec<u8>>,
) -> Claims {
    let dispatched_at = request
        .history
        .iter()
        .rev()
        .find(|h| h.action == "dispatch")
        .and_then(|h| chrono::DateTime::parse_from_rfc3339(&h.at).ok())
        .map(|at| at.timestamp());
    Claims {
        kind,
        tracking_code: request.tracking_code.as_str().to_owned(),
        // No destination named: the document goes to the requesting agency itself.
        destination: Some(Destination::of(
            &request
                .destination_org
                .as_ref()
                .unwrap_or(&request.requesting_org)
                .id,
        )),
        dispatch_mode: request.dispatch_mode,
        dispatched_at,
        issued_at: now.div_euclid(1_000_000),
        copy: None,
        documents,
        pages: Vec::new(),
    }
}

pub(crate) fn sign(claims: &Claims, key: &KeyPair) -> String {
    sanad_token::issue(claims, key)
}
