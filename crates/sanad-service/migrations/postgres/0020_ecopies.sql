-- Certified electronic copies (issue 15, item 2): issued at dispatch of an electronic_copy
-- request, in the same transaction. The PDF itself is a stored file (never changed or removed);
-- this row says which request it certifies, its SHA-256 and the signed token on its first
-- page. A later copy of the same request names itself in superseded_by of the one it replaces
-- (no foreign key: a backup restores rows oldest first).
CREATE TABLE ecopies (
    id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL REFERENCES requests (id),
    file_id TEXT NOT NULL UNIQUE REFERENCES stored_files (id),
    sha256 TEXT NOT NULL,
    token TEXT NOT NULL,
    issued_by TEXT NOT NULL REFERENCES users (id),
    issued_at BIGINT NOT NULL,
    superseded_by TEXT
);
CREATE INDEX ecopies_request ON ecopies (request_id, issued_at);
