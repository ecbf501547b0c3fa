-- Search by status within a date range (the most common filter combination at a desk) reads
-- this index in date order instead of scanning the whole range.
CREATE INDEX requests_status_created ON requests (status, created_at, id);
