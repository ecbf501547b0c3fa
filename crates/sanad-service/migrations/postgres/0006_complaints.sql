-- Complaints, suggestions and comments. Keep in step with ../sqlite/0006_complaints.sql.

-- Each has its own tracking code from the one namespace requests use (tracking_codes).
CREATE TABLE complaints (
    id TEXT PRIMARY KEY,
    tracking_code TEXT NOT NULL UNIQUE REFERENCES tracking_codes (code),
    kind TEXT NOT NULL CHECK (kind IN ('complaint','suggestion','comment')),
    person_name TEXT NOT NULL,
    mobile TEXT,
    email TEXT,
    body TEXT NOT NULL,
    request_id TEXT REFERENCES requests (id),
    status TEXT NOT NULL CHECK (status IN ('registered','assigned','answered','closed')),
    version BIGINT NOT NULL,
    assigned_to TEXT REFERENCES users (id),
    answer TEXT,
    status_since BIGINT NOT NULL,
    deadline_at BIGINT,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CHECK (mobile IS NOT NULL OR email IS NOT NULL)
);
CREATE INDEX complaints_queue ON complaints (status, deadline_at, id);
CREATE INDEX complaints_created ON complaints (created_at, id);
CREATE INDEX complaints_request ON complaints (request_id);

-- seq is the complaint's version after the step: a step cannot be recorded twice.
CREATE TABLE complaint_history (
    id TEXT PRIMARY KEY,
    complaint_id TEXT NOT NULL REFERENCES complaints (id),
    seq BIGINT NOT NULL,
    action TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    role TEXT NOT NULL,
    at BIGINT NOT NULL,
    note TEXT,
    UNIQUE (complaint_id, seq)
);
