-- PostgreSQL only (the trigger that limits the portal's login role to its own steps on a
-- request): the embedded database has no roles, and its portal runs with the desk's rights.
SELECT 1;
