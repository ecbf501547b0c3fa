-- Files the office keeps (issue 15, item 1; issue 16, item 4): scans of the repository's
-- documents and the letters that come with requests. A file's bytes are stored once, in the
-- database (encrypted at rest with the rest of the SQLite file), and never changed or removed:
-- a new scan of a document is a new version beside the old ones.
CREATE TABLE stored_files (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    pages INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    original_name TEXT,
    content BLOB NOT NULL,
    added_by TEXT NOT NULL REFERENCES users (id),
    added_at INTEGER NOT NULL
);

-- The scans of a document, version 1, 2, … ; the highest is the current one.
CREATE TABLE document_scans (
    document_id TEXT NOT NULL REFERENCES documents (id),
    version INTEGER NOT NULL,
    file_id TEXT NOT NULL UNIQUE REFERENCES stored_files (id),
    title TEXT NOT NULL,
    PRIMARY KEY (document_id, version)
);

-- The agency's letter and its enclosures, in the order they were attached.
CREATE TABLE request_files (
    request_id TEXT NOT NULL REFERENCES requests (id),
    position INTEGER NOT NULL,
    purpose TEXT NOT NULL,
    file_id TEXT NOT NULL UNIQUE REFERENCES stored_files (id),
    title TEXT NOT NULL,
    PRIMARY KEY (request_id, position)
);

CREATE TRIGGER stored_files_no_update BEFORE UPDATE ON stored_files
BEGIN SELECT RAISE(ABORT, 'stored files are never changed'); END;
CREATE TRIGGER stored_files_no_delete BEFORE DELETE ON stored_files
BEGIN SELECT RAISE(ABORT, 'stored files are never removed'); END;
CREATE TRIGGER document_scans_no_update BEFORE UPDATE ON document_scans
BEGIN SELECT RAISE(ABORT, 'a scan version is never changed'); END;
CREATE TRIGGER document_scans_no_delete BEFORE DELETE ON document_scans
BEGIN SELECT RAISE(ABORT, 'a scan version is never removed'); END;
CREATE TRIGGER request_files_no_update BEFORE UPDATE ON request_files
BEGIN SELECT RAISE(ABORT, 'an attached file is never changed'); END;
CREATE TRIGGER request_files_no_delete BEFORE DELETE ON request_files
BEGIN SELECT RAISE(ABORT, 'an attached file is never removed'); END;
