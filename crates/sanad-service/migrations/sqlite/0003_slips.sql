-- Dispatch slips. Keep in step with ../postgres/0003_slips.sql.

-- Every copy of a request's slip handed out at a desk, numbered per request: copy 1 is the
-- first print, later copies are reprints marked as duplicates (المثنی) on the slip.
CREATE TABLE slip_prints (
    id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL REFERENCES requests (id),
    copy INTEGER NOT NULL,
    paper TEXT NOT NULL,
    printer TEXT,
    printed_by TEXT NOT NULL REFERENCES users (id),
    printed_at INTEGER NOT NULL,
    UNIQUE (request_id, copy)
);

-- The office as its slips name it: the directorate's name and its logo (PNG). One row.
CREATE TABLE office_profile (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    directorate_name TEXT NOT NULL,
    logo_png BLOB
);
