-- A desk's retry of a registration whose answer was lost carries the same key: the first
-- registration wins and the retry gets it back. Keys are per registering user.
ALTER TABLE requests ADD COLUMN idempotency_key TEXT;
CREATE UNIQUE INDEX requests_idempotency_key ON requests (created_by, idempotency_key);
