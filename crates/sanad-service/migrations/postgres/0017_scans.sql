-- Files the office keeps (issue 15, item 1; issue 16, item 4): scans of the repository's
-- documents and the letters that come with requests. A file's bytes are stored once, in the
-- database, and never changed or removed: a new scan of a document is a new version beside the
-- old ones.
CREATE TABLE stored_files (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    pages BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    original_name TEXT,
    content BYTEA NOT NULL,
    added_by TEXT NOT NULL REFERENCES users (id),
    added_at BIGINT NOT NULL
);
-- Scans are already compressed: storing them uncompressed spares the server the work.
ALTER TABLE stored_files ALTER COLUMN content SET STORAGE EXTERNAL;

-- The scans of a document, version 1, 2, … ; the highest is the current one.
CREATE TABLE document_scans (
    document_id TEXT NOT NULL REFERENCES documents (id),
    version BIGINT NOT NULL,
    file_id TEXT NOT NULL UNIQUE REFERENCES stored_files (id),
    title TEXT NOT NULL,
    PRIMARY KEY (document_id, version)
);

-- The agency's letter and its enclosures, in the order they were attached.
CREATE TABLE request_files (
    request_id TEXT NOT NULL REFERENCES requests (id),
    position BIGINT NOT NULL,
    purpose TEXT NOT NULL,
    file_id TEXT NOT NULL UNIQUE REFERENCES stored_files (id),
    title TEXT NOT NULL,
    PRIMARY KEY (request_id, position)
);

CREATE FUNCTION kept_files_guard() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% rows are never changed or removed', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER stored_files_guard BEFORE UPDATE OR DELETE ON stored_files
FOR EACH ROW EXECUTE FUNCTION kept_files_guard();
CREATE TRIGGER document_scans_guard BEFORE UPDATE OR DELETE ON document_scans
FOR EACH ROW EXECUTE FUNCTION kept_files_guard();
CREATE TRIGGER request_files_guard BEFORE UPDATE OR DELETE ON request_files
FOR EACH ROW EXECUTE FUNCTION kept_files_guard();
