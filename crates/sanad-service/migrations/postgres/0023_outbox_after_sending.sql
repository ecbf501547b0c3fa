-- A message that carries a secret meant for one reading (the registration e-mail's follow-up PIN)
-- keeps it only until it is sent: `body_after_sending` is the same text with the secret masked,
-- and replaces `body` in the statement that marks the message sent.
ALTER TABLE outbox ADD COLUMN body_after_sending TEXT;
