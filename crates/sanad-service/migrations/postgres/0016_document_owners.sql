-- Documents held for an agency, and the portal's receipt (issue 14, item 3 and 4). Keep in step
-- with ../sqlite/0016_document_owners.sql.

-- The organization a document of the repository is held for: an agency picks its request's
-- documents among its own only. None for documents registered before owners were recorded.
ALTER TABLE documents ADD COLUMN organization_id TEXT REFERENCES organizations (id);
CREATE INDEX documents_organization ON documents (organization_id);

-- The follow-up PIN of a request just registered under an idempotency key, in clear, for a few
-- minutes only: a repeat of the same submission (a double click, a lost answer) shows the same
-- receipt with its PIN, although the request itself keeps only the PIN's hash. Bound to the
-- account and the key that registered it; rows past `expires_at` are deleted at the next
-- registration and never answered (`portal_requests.rs` says why this is safe).
CREATE TABLE receipt_pins (
    user_id TEXT NOT NULL REFERENCES users (id),
    idempotency_key TEXT NOT NULL,
    tracking_code TEXT NOT NULL,
    pin TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX receipt_pins_expiry ON receipt_pins (expires_at);
