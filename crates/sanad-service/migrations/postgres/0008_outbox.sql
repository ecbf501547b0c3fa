-- Results to applicants (the outbox) and the applicant's e-mail. Keep in step with
-- ../sqlite/0008_outbox.sql.

-- Optional: where a request's results are e-mailed (validated by the service).
ALTER TABLE requests ADD COLUMN applicant_email TEXT;

-- One message to one person, queued in the same transaction as the step it reports, delivered
-- later by the deliverer. Nothing is dropped: a failed attempt waits (exponential back-off,
-- next_attempt_at) and is tried again.
CREATE TABLE outbox (
    id TEXT PRIMARY KEY,
    channel TEXT NOT NULL CHECK (channel IN ('email')),
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    entity TEXT NOT NULL CHECK (entity IN ('request','complaint')),
    entity_id TEXT NOT NULL,
    event TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending','sent')),
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    last_error TEXT,
    created_at BIGINT NOT NULL,
    sent_at BIGINT
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX outbox_entity ON outbox (entity, entity_id);
