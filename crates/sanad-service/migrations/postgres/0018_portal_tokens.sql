-- The portal's API tokens (issue 14): the administrator issues an agency's system a bearer
-- token; the table keeps only its SHA-256 (`sanad_service::portal_tokens`). Each token acts
-- through a user row of the same id (role agency, the token's organization, no usable password,
-- a user-name key no typed name can match), so what it registers is created by, and audited as,
-- that token. `window_start`/`window_calls` count its calls for the per-token rate limit.
-- Keep in step with ../sqlite/0018_portal_tokens.sql.
CREATE TABLE portal_tokens (
    id TEXT PRIMARY KEY REFERENCES users (id),
    organization_id TEXT NOT NULL REFERENCES organizations (id),
    label TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    revoked_at BIGINT,
    last_used_at BIGINT,
    window_start BIGINT NOT NULL DEFAULT 0,
    window_calls BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX portal_tokens_organization ON portal_tokens (organization_id);

-- Passwords through functions (least privilege, `sanad portal create-role`). The portal's login
-- role may not read or write `users.password_hash` (a column grant withholds it), yet it signs
-- agency officers in and lets them change their passwords. These two functions run with the
-- owner's rights and serve an agency officer's row to anyone, any other row only to a caller
-- (the session's login role) that holds the column privilege itself — the desks. So a portal
-- that is taken over can neither read a staff member's hash nor set one it knows.
-- (PostgreSQL only: the embedded database has no roles; its statements read the column.)
CREATE FUNCTION sanad_password_hash(user_id TEXT) RETURNS TEXT
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT CASE
        WHEN u.role = 'agency'
            OR has_column_privilege(session_user, 'users', 'password_hash', 'SELECT')
        THEN u.password_hash ELSE '' END
    FROM users u WHERE u.id = user_id
$$;

CREATE FUNCTION sanad_set_password(user_id TEXT, new_hash TEXT, must_change BOOLEAN)
RETURNS BOOLEAN
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    UPDATE users SET password_hash = new_hash, must_change_password = must_change,
        failed_logins = 0, locked_until = NULL
    WHERE id = user_id
      AND (role = 'agency'
           OR has_column_privilege(session_user, 'users', 'password_hash', 'UPDATE'))
    RETURNING TRUE
$$;
