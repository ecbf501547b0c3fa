-- Overdue counts that do not grow with the office (issue 13, item 3): requests counted by state
-- and by the day their deadline falls in (UTC days of microseconds), kept by triggers in the same
-- transaction as the change. A queue's overdue count is the sum of the days already past plus a
-- count of today's part of the (status, deadline_at) index, instead of reading every overdue
-- request's index entry. One shard on SQLite (one writer at a time); zero rows are left in place.
CREATE TABLE deadline_counts (
    status TEXT NOT NULL,
    day INTEGER NOT NULL,
    shard INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (status, day, shard)
);
INSERT INTO deadline_counts (status, day, shard, count)
SELECT status, deadline_at / 86400000000, 0, COUNT(*) FROM requests
WHERE deadline_at IS NOT NULL GROUP BY status, deadline_at / 86400000000;

CREATE TRIGGER requests_deadline_counted AFTER INSERT ON requests
WHEN NEW.deadline_at IS NOT NULL
BEGIN
    INSERT INTO deadline_counts (status, day, shard, count)
    VALUES (NEW.status, NEW.deadline_at / 86400000000, 0, 1)
    ON CONFLICT (status, day, shard) DO UPDATE SET count = count + 1;
END;
CREATE TRIGGER requests_deadline_uncounted AFTER UPDATE OF status, deadline_at ON requests
WHEN OLD.deadline_at IS NOT NULL
    AND (OLD.status <> NEW.status OR NEW.deadline_at IS NULL OR OLD.deadline_at <> NEW.deadline_at)
BEGIN
    UPDATE deadline_counts SET count = count - 1
    WHERE status = OLD.status AND day = OLD.deadline_at / 86400000000 AND shard = 0;
END;
CREATE TRIGGER requests_deadline_recounted AFTER UPDATE OF status, deadline_at ON requests
WHEN NEW.deadline_at IS NOT NULL
    AND (OLD.status <> NEW.status OR OLD.deadline_at IS NULL OR OLD.deadline_at <> NEW.deadline_at)
BEGIN
    INSERT INTO deadline_counts (status, day, shard, count)
    VALUES (NEW.status, NEW.deadline_at / 86400000000, 0, 1)
    ON CONFLICT (status, day, shard) DO UPDATE SET count = count + 1;
END;
CREATE TRIGGER requests_deadline_deleted AFTER DELETE ON requests
WHEN OLD.deadline_at IS NOT NULL
BEGIN
    UPDATE deadline_counts SET count = count - 1
    WHERE status = OLD.status AND day = OLD.deadline_at / 86400000000 AND shard = 0;
END;
