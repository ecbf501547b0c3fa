# The portal's JSON API (/api/v1), its tokens and the portal's PostgreSQL role.

## Errors of the API and its use cases
error-api-token = The access token is missing, invalid or revoked. Send it as "Authorization: Bearer …" or ask the administrator for a new one.
error-api-rate-limited = This token has made too many calls. Try again in { $seconds } seconds.
error-api-page = The page number must be 1 or more.
error-api-per-page = The page size must be from 1 to { $max }.
error-api-document-unknown = No document with this registry number is in the repository: { $number }
error-portal-token-revoked = This token was revoked already.
error-not-found-portal-token = No token has this id.
error-api-route = The API has no such address.
error-api-method = This address does not take this method.
field-page = Page number
field-per-page = Page size

## Audit entries
audit-portal-token-issue = API token issued
audit-portal-token-revoke = API token revoked
audit-api-call = API call
audit-api-refused = API call refused (invalid token)
audit-settings-api-rate-limit = API rate limit changed
audit-api-limited = API call over the limit

## The command line
cli-portal-token-limit-set = Each token may make { $calls } calls in { $seconds } seconds.
field-calls = Calls
field-seconds = Seconds
cli-portal-token-revoked = Token { $id } revoked.
cli-portal-token-active = active
cli-portal-token-revoked-state = revoked
cli-portal-token-never-used = never used
cli-portal-role-postgres-only = "sanad portal create-role" is for PostgreSQL only: the embedded database (SQLite) has no database roles; the portal uses the same encrypted file.
cli-portal-role-created = Role { $role } created for the portal, with only the privileges the portal needs.
error-portal-role-name = A role name starts with a lower-case Latin letter and holds only lower-case Latin letters, digits and underscores (at most 63).
error-api-idempotency-reused = This Idempotency-Key was used already for another request (another letter or applicant); send a new key for a new request.
error-portal-role-postgres-only = Database roles exist on PostgreSQL only; the embedded database (SQLite) has none.
error-portal-role-exists = A role with this name exists on the database server. Choose another name.
error-portal-role-owner = The portal's role and its privileges can be made only when connected as the database's owner.
audit-portal-create-role = Portal database role created
