-- Queue counts kept in the same transaction as the change (ARCHITECTURE.md, "Reads that do not
-- grow"): a queue page reads a few hundred tiny rows here instead of counting every waiting
-- request. Kept by a trigger, so no write path can forget them. Each request counts in one of 32
-- shards (by a hash of its id), so desks moving different requests into the same state update
-- different rows and do not queue behind one hot row.
CREATE TABLE status_counts (
    status TEXT NOT NULL,
    shard BIGINT NOT NULL,
    count BIGINT NOT NULL,
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
SELECT s.status, g.shard, 0 FROM states s CROSS JOIN generate_series(0, 31) AS g (shard);
UPDATE status_counts c SET count = n.count
FROM (SELECT status, hashtext(id) & 31 AS shard, COUNT(*) AS count FROM requests
      GROUP BY status, hashtext(id) & 31) n
WHERE c.status = n.status AND c.shard = n.shard;

CREATE FUNCTION requests_count() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE status_counts SET count = count - 1
        WHERE status = OLD.status AND shard = hashtext(OLD.id) & 31;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE status_counts SET count = count + 1
        WHERE status = NEW.status AND shard = hashtext(NEW.id) & 31;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER requests_counted AFTER INSERT OR DELETE ON requests
FOR EACH ROW EXECUTE FUNCTION requests_count();
CREATE TRIGGER requests_recounted AFTER UPDATE OF status ON requests
FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION requests_count();
