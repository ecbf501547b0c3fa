-- The certified copy delivered through the portal (issue 15, item 3). Keep in step with
-- ../sqlite/0021_ecopy_delivery.sql.

-- Where an organization is told a certified copy waits for it on the portal (optional).
ALTER TABLE organizations ADD COLUMN email TEXT;

-- A message may carry one kept file (the certified copy), only when the administrator turned
-- on the setting ecopy.attach_to_mail; the deliverer reads it when it sends.
ALTER TABLE outbox ADD COLUMN attachment_file_id TEXT;

-- The destination's first download confirms the delivery (dispatched -> delivered). The
-- portal's login role may not update a request's state (`sanad portal create-role`), so this
-- one step goes through a function with the owner's rights that can take no other: an
-- electronic copy, from dispatched, at the version the caller read, with a certified copy
-- issued. TRUE when it moved the request; NULL when another download (or a desk) was first.
-- (PostgreSQL only: the embedded database has no roles; its statement is the plain UPDATE.)
CREATE FUNCTION sanad_deliver_by_download(
    request_id TEXT, expected_version BIGINT, deadline BIGINT, at BIGINT)
RETURNS BOOLEAN
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    UPDATE requests SET status = 'delivered', version = version + 1, status_since = at,
        deadline_at = deadline, updated_at = at
    WHERE id = request_id AND version = expected_version AND status = 'dispatched'
      AND dispatch_mode = 'electronic_copy'
      AND EXISTS (SELECT 1 FROM ecopies e WHERE e.request_id = requests.id)
    RETURNING TRUE
$$;
