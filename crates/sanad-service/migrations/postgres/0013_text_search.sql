-- Text search through an index (issue 13): a pg_trgm GIN index over each request's search key
-- (already normalized: Persian letters, digits, no diacritics). `search_key LIKE '%word%'` uses
-- it when the word is rare; for a word in many requests the planner walks the newest requests
-- instead, which fills a page at once. pg_trgm is a trusted extension: the database's owner may
-- create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX requests_search_trgm ON requests USING gin (search_key gin_trgm_ops);
