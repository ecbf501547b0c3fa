-- The portal (issue 14): agency accounts bound to one organization, their sessions, the
-- follow-up PIN of every request and complaint, the channel a request came through, and the
-- public lookup's failure counters. Keep in step with ../sqlite/0015_portal.sql.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
    CHECK (role IN ('clerk','reviewer','director','ministry','auditor','admin','agency'));
-- The agency an agency officer acts for; none for staff (the service keeps the two together).
ALTER TABLE users ADD COLUMN organization_id TEXT REFERENCES organizations (id);
CREATE INDEX users_organization ON users (organization_id);

-- Where a request came in: a registry desk or the portal.
ALTER TABLE requests ADD COLUMN channel TEXT NOT NULL DEFAULT 'desk' CHECK (channel IN ('desk','portal'));
-- The follow-up PIN, only as a salted hash (`sanad_service::pin`); none for rows older than it.
ALTER TABLE requests ADD COLUMN tracking_pin_hash TEXT;
ALTER TABLE complaints ADD COLUMN tracking_pin_hash TEXT;

-- A portal session: the cookie's random id is kept only as its SHA-256, so a copy of this table
-- signs nobody in. Several portal processes can serve one office from it.
CREATE TABLE portal_sessions (
    id_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id),
    csrf_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL
);
CREATE INDEX portal_sessions_user ON portal_sessions (user_id);

-- Failed public lookups, per client address (`address:…`) and per tracking code (`code:…`):
-- failures in the current window and, once over the limit, until when the key is locked.
CREATE TABLE track_failures (
    scope_key TEXT PRIMARY KEY,
    failures BIGINT NOT NULL,
    window_start BIGINT NOT NULL,
    locked_until BIGINT
);
