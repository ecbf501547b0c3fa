-- Acting approvers and a calendar that never runs out (issue 16). Keep in step with
-- ../postgres/0014_delegations.sql.

-- A delegation, recorded by the administrator from the appointing order: while `from_user` is
-- away, `to_user` takes the steps of `role` in their place, over the half-open period
-- [starts_at, ends_at) (UTC microseconds of Tehran times). Ending it early sets `ended_at`; the row
-- stays for the history, which names it in every step taken under it.
CREATE TABLE delegations (
    id TEXT PRIMARY KEY,
    from_user_id TEXT NOT NULL REFERENCES users (id),
    to_user_id TEXT NOT NULL REFERENCES users (id),
    role TEXT NOT NULL CHECK (role IN ('reviewer','director','ministry')),
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    order_number TEXT NOT NULL,
    note TEXT,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL,
    ended_at INTEGER,
    ended_by TEXT REFERENCES users (id),
    CHECK (ends_at > starts_at),
    CHECK (from_user_id <> to_user_id)
);
CREATE INDEX delegations_to ON delegations (to_user_id, ends_at);
CREATE INDEX delegations_from ON delegations (from_user_id, role, ends_at);

-- A step taken under a delegation: `user_id` is the real person, `role` the role acted in,
-- `acting_for` the person away and `delegation_id` the order it was taken under.
ALTER TABLE transitions ADD COLUMN acting_for TEXT REFERENCES users (id);
ALTER TABLE transitions ADD COLUMN delegation_id TEXT REFERENCES delegations (id);

-- Holidays computed for coming years: `estimated` until the administrator confirms or moves
-- them (the lunar ones follow the moon's sighting). The shipped and the administrator's are not.
ALTER TABLE holidays ADD COLUMN estimated INTEGER NOT NULL DEFAULT 0;

-- The years whose holidays were computed, and the computed days the administrator removed: a
-- recomputation never brings back a day the administrator took away, nor touches one they set.
CREATE TABLE holiday_years (
    year INTEGER PRIMARY KEY,
    computed_at INTEGER NOT NULL
);
CREATE TABLE holidays_removed (
    day TEXT PRIMARY KEY,
    removed_at INTEGER NOT NULL
);

-- 1405's table lacked one official holiday: 25 Shawwal, the martyrdom of Imam Ja'far al-Sadiq,
-- on 1405/01/25 (checked against PyPI jalali-calendar-cli 0.1.9's published 1402-1405 tables,
-- which agree with every other shipped day of 1404 and 1405).
INSERT INTO holidays (day, title, created_at) VALUES
    ('1405/01/25', 'شهادت امام جعفر صادق (ع)', 0)
ON CONFLICT (day) DO NOTHING;
