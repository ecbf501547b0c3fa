-- Every write moves the audit head (the hash chain's tip), in the same transaction as the change.
-- Telling listening desks from here means no caller can forget to: PostgreSQL delivers the
-- notification when, and only if, the transaction commits.
CREATE FUNCTION sanad_notify_change() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('sanad_changes', NEW.seq::text);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_head_changed AFTER UPDATE ON audit_head
    FOR EACH ROW EXECUTE FUNCTION sanad_notify_change();
