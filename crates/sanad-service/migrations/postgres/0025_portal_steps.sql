-- The one step the portal's login role takes on a request's row itself (issue 14: an agency
-- resubmits what was sent back for correction), held by the database too; the destination's
-- download goes through the owner's function sanad_deliver_by_download (migration 0021). The
-- role (`sanad portal create-role`) may update the state and the correctable columns of
-- `requests` (a column grant), and this trigger limits what such a caller can do with them: a
-- request moves only from correction to submitted, and its applicant, letter and purpose change
-- only while it is in correction. A caller who may delete requests (the owner's login: the
-- desks, `sanad`, the owner's functions) is not limited here; the service's rules hold for all.
CREATE FUNCTION sanad_portal_steps_only() RETURNS trigger AS $$
BEGIN
    IF has_table_privilege(current_user, 'requests', 'DELETE') THEN
        RETURN NEW;
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status
        AND NOT (OLD.status = 'correction' AND NEW.status = 'submitted') THEN
        RAISE EXCEPTION 'the portal may not move a request from % to %', OLD.status, NEW.status
            USING ERRCODE = '42501';
    END IF;
    IF OLD.status <> 'correction'
        AND (NEW.applicant_name, NEW.applicant_national_code, NEW.applicant_mobile,
             NEW.applicant_email, NEW.letter_number, NEW.letter_number_key, NEW.letter_date,
             NEW.purpose, NEW.search_key)
        IS DISTINCT FROM
            (OLD.applicant_name, OLD.applicant_national_code, OLD.applicant_mobile,
             OLD.applicant_email, OLD.letter_number, OLD.letter_number_key, OLD.letter_date,
             OLD.purpose, OLD.search_key) THEN
        RAISE EXCEPTION 'the portal may correct a request only while it is sent back'
            USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER requests_portal_steps_only BEFORE UPDATE ON requests
FOR EACH ROW EXECUTE FUNCTION sanad_portal_steps_only();
