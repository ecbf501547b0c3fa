-- Overdue counts that do not grow with the office (issue 13, item 3): requests counted by state
-- and by the day their deadline falls in (UTC days of microseconds), kept by a trigger in the same
-- transaction as the change. A queue's overdue count is the sum of the days already past plus a
-- count of today's part of the (status, deadline_at) index, instead of reading every overdue
-- request's index entry. Each request counts in one of 32 shards (by a hash of its id), as in
-- status_counts, so desks registering at once do not queue behind today's row; zero rows stay.
CREATE TABLE deadline_counts (
    status TEXT NOT NULL,
    day BIGINT NOT NULL,
    shard BIGINT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (status, day, shard)
);
INSERT INTO deadline_counts (status, day, shard, count)
SELECT status, deadline_at / 86400000000, hashtext(id) & 31, COUNT(*) FROM requests
WHERE deadline_at IS NOT NULL GROUP BY status, deadline_at / 86400000000, hashtext(id) & 31;

CREATE FUNCTION requests_deadline_count() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.deadline_at IS NOT NULL THEN
        UPDATE deadline_counts SET count = count - 1
        WHERE status = OLD.status AND day = OLD.deadline_at / 86400000000
          AND shard = hashtext(OLD.id) & 31;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.deadline_at IS NOT NULL THEN
        INSERT INTO deadline_counts (status, day, shard, count)
        VALUES (NEW.status, NEW.deadline_at / 86400000000, hashtext(NEW.id) & 31, 1)
        ON CONFLICT (status, day, shard) DO UPDATE SET count = deadline_counts.count + 1;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER requests_deadline_counted AFTER INSERT OR DELETE ON requests
FOR EACH ROW EXECUTE FUNCTION requests_deadline_count();
CREATE TRIGGER requests_deadline_recounted AFTER UPDATE OF status, deadline_at ON requests
FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status
                   OR OLD.deadline_at IS DISTINCT FROM NEW.deadline_at)
EXECUTE FUNCTION requests_deadline_count();
