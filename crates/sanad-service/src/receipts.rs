//! The registration receipt (issue 14, item 4): the portal's address the administrator sets,
//! printed on every receipt, and an agency's receipt read back right after submitting (it shows
//! the PIN, which the request keeps only as a hash: see `RECEIPT_PIN_MINUTES`).
//!
//! Public functions: `Service::portal_address`, `Service::set_portal_address`,
//! `Service::agency_receipt`. Their SQL: `store/ops/settings.rs`, `store/ops/receipts.rs`.

use sanad_core::access::USES_PORTAL;
use sanad_core::model::Role;
use sanad_core::{Error, Result, TrackingCode};
use serde_json::json;

use crate::portal_requests::AgencySubmission;
use crate::store::{on_store, AuditDraft};
use crate::{Actor, Service};

const PORTAL_ADDRESS: &str = "portal.address";

impl Service {
    /// Where applicants follow their requests (`https://…`), as the administrator set it; printed
    /// on receipts. Public: it is on every paper the office hands out.
    pub async fn portal_address(&self) -> Result<Option<String>> {
        Ok(self
            .cached_setting(PORTAL_ADDRESS)
            .await?
            .filter(|a| !a.is_empty()))
    }

    /// Sets the portal's address (administrator): an `http://` or `https://` address without
    /// spaces, at most 200 characters; empty clears it.
    pub async fn set_portal_address(&self, actor: &Actor, address: &str) -> Result<String> {
        self.authorize(actor, &[Role::Admin]).await?;
        let address = address.trim();
        let lower = address.to_ascii_lowercase();
        let plausible = address.is_empty()
            || ((lower.starts_with("https://") || lower.starts_with("http://"))
                && address.len() <= 200
                && address.len() > "https://".len()
                && address.chars().all(|c| c.is_ascii_graphic()));
        if !plausible {
            return Err(Error::invalid("address", "error-portal-address"));
        }
        let draft = AuditDraft {
            at: self.now_micros(),
            user_id: Some(actor.user_id.clone()),
            action: "settings.portal_address".to_owned(),
            entity: "settings".to_owned(),
            entity_id: Some(PORTAL_ADDRESS.to_owned()),
            detail: json!({ "address": address }),
        };
        on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            ops::put_setting(w.tx(), PORTAL_ADDRESS, address).await?;
            w.audit(draft).await
        }).await)?;
        Ok(address.to_owned())
    }

    /// The receipt of a request the signed-in officer just submitted under `idempotency_key`,
    /// with its PIN, while the PIN is kept (`RECEIPT_PIN_MINUTES`); "not found" after that, for
    /// another key, or for another agency's request.
    pub async fn agency_receipt(
        &self,
        actor: &Actor,
        code: &str,
        idempotency_key: &str,
    ) -> Result<AgencySubmission> {
        self.authorize(actor, USES_PORTAL).await?;
        let not_found = || Error::NotFound { what: "request" };
        let code = TrackingCode::parse(code).map_err(|_| not_found())?;
        let now = self.now_micros();
        let pin = on_store!(&self.store, ops, pool =>
            ops::receipt_pin(pool, &actor.user_id, idempotency_key, code.as_str(), now).await)?
        .ok_or_else(not_found)?;
        let request = self.agency_request(actor, code.as_str()).await?;
        Ok(AgencySubmission {
            tracking_code: code.as_str().to_owned(),
            tracking_pin: Some(pin),
            repeated: true,
            request,
        })
    }
}
