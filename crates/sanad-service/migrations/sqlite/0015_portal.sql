-- The portal (issue 14): agency accounts bound to one organization, their sessions, the
-- follow-up PIN of every request and complaint, the channel a request came through, and the
-- public lookup's failure counters. Keep in step with ../postgres/0015_portal.sql.

-- The agency an agency officer acts for; none for staff (the service keeps the two together).
ALTER TABLE users ADD COLUMN organization_id TEXT REFERENCES organizations (id);
-- 'agency' joins the roles. SQLite cannot alter a CHECK constraint, and rebuilding `users` is
-- refused by the foreign keys that point at it (they cannot be switched off inside the
-- migration's transaction). Widening a CHECK cannot make any row invalid, so the table's stored
-- definition is edited in place, as SQLite's ALTER TABLE documentation describes for loosening
-- constraints, and RESET makes this connection read the new definition at once.
PRAGMA writable_schema = ON;
UPDATE sqlite_master
SET sql = replace(sql, '''auditor'',''admin'')', '''auditor'',''admin'',''agency'')')
WHERE type = 'table' AND name = 'users';
PRAGMA writable_schema = RESET;
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
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
);
CREATE INDEX portal_sessions_user ON portal_sessions (user_id);

-- Failed public lookups, per client address (`address:…`) and per tracking code (`code:…`):
-- failures in the current window and, once over the limit, until when the key is locked.
CREATE TABLE track_failures (
    scope_key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    window_start INTEGER NOT NULL,
    locked_until INTEGER
);
