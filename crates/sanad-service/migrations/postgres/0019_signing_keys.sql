-- The directorate's signing keys (issue 15, item 4): the public half and its validity. The
-- private half never reaches the database: it stays in the OS keychain of each desk enrolled to
-- sign. A key is current while valid_until is NULL; rotation sets it, revocation sets
-- revoked_from (tokens it signed from then on no longer verify). Keys are never removed, so old
-- slips keep verifying.
CREATE TABLE signing_keys (
    kid TEXT PRIMARY KEY,
    public_key BYTEA NOT NULL UNIQUE,
    valid_from BIGINT NOT NULL,
    valid_until BIGINT,
    revoked_from BIGINT,
    created_by TEXT NOT NULL REFERENCES users (id)
);
CREATE FUNCTION signing_keys_no_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'signing keys are never removed'; END $$;
CREATE TRIGGER signing_keys_no_delete BEFORE DELETE ON signing_keys
FOR EACH ROW EXECUTE FUNCTION signing_keys_no_delete();
