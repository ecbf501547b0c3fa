-- Queue counts kept in the same transaction as the change (ARCHITECTURE.md, "Reads that do not
-- grow"): a queue page reads a dozen rows here instead of counting every waiting request. Kept by
-- triggers, so no write path can forget them; one shard on SQLite (one writer at a time).
CREATE TABLE status_counts (
    status TEXT NOT NULL,
    shard INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (status, shard)
);
WITH states (status) AS (VALUES
    ('submitted'),
    ('under_review'),
    ('correction'),
    ('awaiting_director'),
    ('awaiting_ministry'),
    ('approved'),
    ('rejected'),
    ('dispatched'),
    ('delivered'),
    ('returned_to_repository'),
    ('closed'),
    ('cancelled'))
INSERT INTO status_counts (status, shard, count)
SELECT s.status, 0, (SELECT COUNT(*) FROM requests r WHERE r.status = s.status) FROM states s;

CREATE TRIGGER requests_counted AFTER INSERT ON requests
BEGIN
    UPDATE status_counts SET count = count + 1 WHERE status = NEW.status AND shard = 0;
END;
CREATE TRIGGER requests_recounted AFTER UPDATE OF status ON requests
WHEN OLD.status <> NEW.status
BEGIN
    UPDATE status_counts SET count = count - 1 WHERE status = OLD.status AND shard = 0;
    UPDATE status_counts SET count = count + 1 WHERE status = NEW.status AND shard = 0;
END;
CREATE TRIGGER requests_uncounted AFTER DELETE ON requests
BEGIN
    UPDATE status_counts SET count = count - 1 WHERE status = OLD.status AND shard = 0;
END;
