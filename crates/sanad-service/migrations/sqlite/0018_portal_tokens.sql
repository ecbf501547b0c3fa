-- The portal's API tokens (issue 14): the administrator issues an agency's system a bearer
-- token; the table keeps only its SHA-256 (`sanad_service::portal_tokens`). Each token acts
-- through a user row of the same id (role agency, the token's organization, no usable password,
-- a user-name key no typed name can match), so what it registers is created by, and audited as,
-- that token. `window_start`/`window_calls` count its calls for the per-token rate limit.
-- Keep in step with ../postgres/0018_portal_tokens.sql.
CREATE TABLE portal_tokens (
    id TEXT PRIMARY KEY REFERENCES users (id),
    organization_id TEXT NOT NULL REFERENCES organizations (id),
    label TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL,
    revoked_at INTEGER,
    last_used_at INTEGER,
    window_start INTEGER NOT NULL DEFAULT 0,
    window_calls INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX portal_tokens_organization ON portal_tokens (organization_id);
