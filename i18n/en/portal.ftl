# The web portal (crates/sanad-portal) and its use cases in the service.

## Errors of the portal's use cases
error-track-no-match = No request or complaint has this tracking code and follow-up PIN. Enter both again from the receipt.
error-track-locked = After several failed attempts, looking up this code or from this address is closed until { $until }. Try again after that.
error-portal-org-not-agency = An agency officer must belong to one of the registered agencies or third parties.
error-role-needs-organization = Agency officers are added under agency accounts, with the agency they act for.
error-tracking-pin-format = The follow-up PIN has eight digits.

field-body = Request body
field-organization-id = Agency

## Every page
portal-title = Sanad Desk — agencies' portal
portal-site-name = Sanad Desk portal
portal-skip = Skip to content
portal-nav-track = Look up
portal-nav-login = Agency sign-in
portal-nav-requests = Agency's requests
portal-nav-logout = Sign out
# The language's own name, shown (from the other language's page) as the link to it.
portal-lang-name = English
portal-signed-in-as = { $name }, { $org }
portal-footer = Directorate of Economic Affairs and Finance — sending documents to an agency or a third party
portal-notices = Notices

## The public lookup
portal-track-heading = Look up a request or complaint
portal-track-intro = Enter the tracking code and follow-up PIN from the registration receipt to see where it stands.
portal-track-code = Tracking code
portal-track-code-hint = Twelve digits, with or without dashes
portal-track-pin = Follow-up PIN
portal-track-pin-hint = Eight digits
portal-track-submit = Look up
portal-track-result = Result
portal-track-kind-request = Document dispatch request
portal-track-kind-complaint = Complaint, suggestion or comment
portal-track-state = State
portal-track-since = Since
portal-track-next = Next step

## Signing in
portal-login-heading = Agency officers' sign-in
portal-login-username = User name
portal-login-password = Password
portal-login-submit = Sign in
portal-login-failed = The user name or password is not right.
portal-logged-out = You have signed out.
portal-session-ended = Your session has ended; sign in again.

## Changing the password
portal-password-heading = New password
portal-password-intro = You signed in with a one-time password. Choose a new password before anything else.
portal-password-current = Current password
portal-password-new = New password
portal-password-repeat = New password again
portal-password-submit = Save password
portal-password-mismatch = The two new passwords differ.
portal-password-changed = Your password was changed.

## The agency's requests
portal-requests-heading = Requests of { $org }
portal-requests-empty = No request has been registered from this agency yet.
portal-requests-code = Tracking code
portal-requests-state = State
portal-requests-registered = Registered
portal-requests-deadline = Stage deadline
portal-requests-no-deadline = —

## One request of the agency
portal-request-heading = Request
portal-request-history = History
portal-request-reason = Reason

## Faults
portal-error-heading = Error
portal-not-found = The page or item you asked for was not found.
portal-csrf-refused = This form is stale or not valid and nothing was saved. Open the page again and send it again.
portal-unavailable = The system cannot reach its database just now. Try again in a few minutes; this page works again once it is back.
portal-failed = That did not work. Try again.
portal-too-many = Too many requests from you. Try again a little later.
error-portal-body = The request body must be JSON with the fields asked for.

## The command line
cli-portal-user-added = Agency officer { $user } added for { $org }.
cli-portal-user-active = active
cli-portal-user-inactive = inactive
audit-user-login-wrong-front-end = Sign-in at the wrong front end (staff on the portal, or an agency officer at a desk)
