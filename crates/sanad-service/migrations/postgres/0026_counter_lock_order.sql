-- Counters updated in one order by every desk (found by `sanad-bench figures` with eight desks:
-- "deadlock detected"). A registration's INSERT fired the status counter's trigger and then the
-- deadline counter's, while a step's UPDATE fired them the other way round (PostgreSQL fires a
-- table's triggers in the order of their names: `requests_deadline_recounted` came before
-- `requests_recounted`). A registration and a step on two requests of the same shard and day
-- could then each hold one counter row and wait for the other's. And a step updates its old
-- state's row and then its new state's, so three steps moving requests of one shard round a
-- cycle of states (under review → correction → submitted → under review) could wait on each
-- other too.
--
-- Now every transaction takes its counter rows in one global order: `status_counts` before
-- `deadline_counts` (the deadline triggers are renamed to sort after the status ones), and
-- within each table in the order of the row's key (the lower state name first), whatever the
-- step's direction. The counts themselves do not change.

CREATE OR REPLACE FUNCTION requests_count() RETURNS trigger AS $$
DECLARE
    old_first BOOLEAN := TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.status < NEW.status);
BEGIN
    IF old_first THEN
        UPDATE status_counts SET count = count - 1
        WHERE status = OLD.status AND shard = hashtext(OLD.id) & 31;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE status_counts SET count = count + 1
        WHERE status = NEW.status AND shard = hashtext(NEW.id) & 31;
    END IF;
    IF TG_OP = 'UPDATE' AND NOT old_first THEN
        UPDATE status_counts SET count = count - 1
        WHERE status = OLD.status AND shard = hashtext(OLD.id) & 31;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- A past day's shards are folded into shard 0 now and then (`ops/deadline_fold.rs`), so the
-- overdue count sums one row per state and day, not 32. A request leaving such a day finds its
-- shard's row gone and takes its count from shard 0, which holds it now. (Folding deletes the
-- other shards' rows holding their locks: a decrement that waited for one sees it gone.)
CREATE FUNCTION requests_deadline_uncount(state TEXT, on_day BIGINT, request_id TEXT)
RETURNS void AS $$
BEGIN
    UPDATE deadline_counts SET count = count - 1
    WHERE status = state AND day = on_day AND shard = hashtext(request_id) & 31;
    IF NOT FOUND THEN
        UPDATE deadline_counts SET count = count - 1
        WHERE status = state AND day = on_day AND shard = 0;
    END IF;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION requests_deadline_count() RETURNS trigger AS $$
DECLARE
    had BOOLEAN := TG_OP IN ('UPDATE', 'DELETE') AND OLD.deadline_at IS NOT NULL;
    has BOOLEAN := TG_OP IN ('INSERT', 'UPDATE') AND NEW.deadline_at IS NOT NULL;
    old_first BOOLEAN := TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND
        (OLD.status, COALESCE(OLD.deadline_at / 86400000000, 0))
        < (NEW.status, COALESCE(NEW.deadline_at / 86400000000, 0)));
BEGIN
    IF had AND old_first THEN
        PERFORM requests_deadline_uncount(OLD.status, OLD.deadline_at / 86400000000, OLD.id);
    END IF;
    IF has THEN
        INSERT INTO deadline_counts (status, day, shard, count)
        VALUES (NEW.status, NEW.deadline_at / 86400000000, hashtext(NEW.id) & 31, 1)
        ON CONFLICT (status, day, shard) DO UPDATE SET count = deadline_counts.count + 1;
    END IF;
    IF had AND NOT old_first THEN
        PERFORM requests_deadline_uncount(OLD.status, OLD.deadline_at / 86400000000, OLD.id);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

ALTER TRIGGER requests_deadline_counted ON requests RENAME TO requests_counted_then_deadline;
ALTER TRIGGER requests_deadline_recounted ON requests RENAME TO requests_recounted_then_deadline;
