-- Text search through an index (issue 13): an FTS5 trigram index over each request's search key
-- (already normalized: Persian letters, digits, no diacritics), so a word found in few requests is
-- found without walking them all. External content: the index holds no copy of the text, only
-- the trigrams of `requests.search_key` by the request's rowid. Kept by triggers. A VACUUM may
-- renumber rowids of `requests`: run `INSERT INTO requests_text (requests_text) VALUES
-- ('rebuild')` after one (the product never vacuums; a restore inserts afresh).
CREATE VIRTUAL TABLE requests_text USING fts5(
    search_key, content = 'requests', content_rowid = 'rowid', tokenize = 'trigram'
);
INSERT INTO requests_text (requests_text) VALUES ('rebuild');

CREATE TRIGGER requests_text_added AFTER INSERT ON requests
BEGIN
    INSERT INTO requests_text (rowid, search_key) VALUES (NEW.rowid, NEW.search_key);
END;
CREATE TRIGGER requests_text_removed AFTER DELETE ON requests
BEGIN
    INSERT INTO requests_text (requests_text, rowid, search_key)
    VALUES ('delete', OLD.rowid, OLD.search_key);
END;
CREATE TRIGGER requests_text_changed AFTER UPDATE OF search_key ON requests
BEGIN
    INSERT INTO requests_text (requests_text, rowid, search_key)
    VALUES ('delete', OLD.rowid, OLD.search_key);
    INSERT INTO requests_text (rowid, search_key) VALUES (NEW.rowid, NEW.search_key);
END;
