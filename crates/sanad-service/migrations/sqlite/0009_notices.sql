-- Notices: maintenance windows and disruption notices. Keep in step with ../postgres/0009_notices.sql.

-- The notice board keeps every notice; a cancelled one stays, marked, for the history.
CREATE TABLE notices (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('maintenance','disruption')),
    body TEXT NOT NULL,
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    read_only INTEGER NOT NULL,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL,
    cancelled_at INTEGER,
    CHECK (ends_at > starts_at)
);
CREATE INDEX notices_window ON notices (ends_at, starts_at);
