-- The certified copy delivered through the portal (issue 15, item 3). Keep in step with
-- ../postgres/0021_ecopy_delivery.sql.

-- Where an organization is told a certified copy waits for it on the portal (optional).
ALTER TABLE organizations ADD COLUMN email TEXT;

-- A message may carry one kept file (the certified copy), only when the administrator turned
-- on the setting ecopy.attach_to_mail; the deliverer reads it when it sends.
ALTER TABLE outbox ADD COLUMN attachment_file_id TEXT;
