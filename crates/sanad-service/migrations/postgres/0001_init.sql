-- Sanad Desk schema, PostgreSQL. Times are microseconds since the Unix epoch, UTC.
-- Identifiers are UUIDv7 text. Keep in step with ../sqlite/0001_init.sql.

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL,
    username_key TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('clerk','reviewer','director','ministry','auditor','admin')),
    password_hash TEXT NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    must_change_password BOOLEAN NOT NULL DEFAULT FALSE,
    created_at BIGINT NOT NULL
);

CREATE TABLE organizations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('agency','ministry','third_party')),
    national_id TEXT UNIQUE,
    created_at BIGINT NOT NULL
);
CREATE INDEX organizations_name ON organizations (name_key);

CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    registry_number TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    title_key TEXT NOT NULL,
    property_plate TEXT,
    location TEXT,
    in_repository BOOLEAN NOT NULL DEFAULT TRUE,
    out_request_id TEXT,
    created_at BIGINT NOT NULL
);

-- One namespace for every tracking code the office hands out (requests, complaints).
CREATE TABLE tracking_codes (
    code TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE requests (
    id TEXT PRIMARY KEY,
    tracking_code TEXT NOT NULL UNIQUE REFERENCES tracking_codes (code),
    requesting_org_id TEXT NOT NULL REFERENCES organizations (id),
    destination_org_id TEXT REFERENCES organizations (id),
    needs_ministry BOOLEAN NOT NULL,
    dispatch_mode TEXT NOT NULL CHECK (dispatch_mode IN ('electronic_copy','certified_paper_copy','original')),
    return_due TEXT,
    applicant_name TEXT NOT NULL,
    applicant_national_code TEXT NOT NULL,
    applicant_mobile TEXT NOT NULL,
    letter_number TEXT NOT NULL,
    letter_number_key TEXT NOT NULL,
    letter_date TEXT NOT NULL,
    purpose TEXT NOT NULL,
    priority TEXT NOT NULL CHECK (priority IN ('normal','urgent')),
    status TEXT NOT NULL,
    version BIGINT NOT NULL,
    status_since BIGINT NOT NULL,
    deadline_at BIGINT,
    search_key TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX requests_queue ON requests (status, deadline_at, id);
CREATE INDEX requests_created ON requests (created_at, id);
CREATE INDEX requests_org ON requests (requesting_org_id, created_at);
CREATE INDEX requests_destination ON requests (destination_org_id, created_at);
CREATE INDEX requests_letter ON requests (letter_number_key);

CREATE TABLE request_documents (
    request_id TEXT NOT NULL REFERENCES requests (id),
    document_id TEXT NOT NULL REFERENCES documents (id),
    position BIGINT NOT NULL,
    PRIMARY KEY (request_id, document_id)
);
CREATE INDEX request_documents_document ON request_documents (document_id);

-- seq is the request's version after the transition: a transition cannot be recorded twice.
CREATE TABLE transitions (
    id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL REFERENCES requests (id),
    seq BIGINT NOT NULL,
    action TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    role TEXT NOT NULL,
    at BIGINT NOT NULL,
    note TEXT,
    UNIQUE (request_id, seq)
);

CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY,
    at BIGINT NOT NULL,
    user_id TEXT,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

-- The chain's head. Every write transaction updates this row first, which serializes writers
-- (and so the chain) on both backends.
CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
