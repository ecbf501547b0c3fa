-- The audit chain off the writers' path (ARCHITECTURE.md, "The audit log"). A write appends its
-- entries here, each with a hash of its own fields, and touches no shared row; one sealer at a
-- time moves entries in batches onto the chain in audit_log (seq, prev_hash, hash) and records
-- which queued entry each sealed one was (pending_id), then deletes them from the queue.
CREATE TABLE audit_pending (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    user_id TEXT,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT,
    detail TEXT NOT NULL,
    entry_hash TEXT NOT NULL
);

ALTER TABLE audit_log ADD COLUMN pending_id INTEGER;
CREATE UNIQUE INDEX audit_log_pending ON audit_log (pending_id);

-- A queued entry is never changed, and leaves the queue only once its sealed copy is on the chain.
CREATE TRIGGER audit_pending_no_update BEFORE UPDATE ON audit_pending
BEGIN SELECT RAISE(ABORT, 'audit_pending is append-only'); END;
CREATE TRIGGER audit_pending_sealed_only BEFORE DELETE ON audit_pending
WHEN NOT EXISTS (SELECT 1 FROM audit_log WHERE pending_id = OLD.id)
BEGIN SELECT RAISE(ABORT, 'an unsealed audit entry cannot be deleted'); END;
