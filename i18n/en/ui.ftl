## The desktop app's own words (ui/). Errors of the core live in errors.ftl and validation.ftl.

ui-loading = Loading…
ui-app-subtitle = Sending documents to executive agencies and third parties
ui-error-not-signed-in = Your session has ended; please sign in again.
ui-error-unexpected = Something unexpected happened; please try again.
ui-error-start = The application could not reach its database.

## Shell
ui-nav-queue = Queue
ui-nav-new = New request
ui-nav-search = Search
ui-nav-admin = Administration
ui-nav-help = Shortcuts
ui-logout = Sign out
ui-language = Language
ui-lang-fa = Persian
ui-lang-en = English
ui-tracking-box = Tracking code
ui-tracking-box-placeholder = Tracking code or barcode
ui-open = Open
ui-signed-in-as = { $name }, { $role }
ui-database-location = Database: { $path }

## First run and sign-in
ui-first-run-title = First run
ui-first-run-intro = Before work starts, choose where the data is kept and create the administrator.
ui-db-choice = Where the data is kept
ui-db-embedded = Embedded database on this computer (default)
ui-db-embedded-path = Data file: { $path }
ui-db-postgres = The office's shared { "PostgreSQL" } server
ui-db-postgres-later = Connecting to a shared server comes in a later version; the embedded database is used for now.
ui-create-admin = Create the administrator and sign in
ui-password-repeat = Repeat the password
ui-passwords-differ = The two passwords differ.
ui-login-title = Sign in to Sanad Desk
ui-login = Sign in
ui-field-username = User name
ui-field-password = Password
ui-field-display-name = Full name

## Queue
ui-queue-title = Queue
ui-queue-empty = Nothing is waiting in your queue.
ui-queue-overdue = { $count } overdue
ui-queue-admin = The administrator has no access to requests; users, organizations and the document register are under Administration.
ui-overdue = Overdue
ui-col-code = Tracking code
ui-col-status = Status
ui-col-org = Requesting agency
ui-col-applicant = Applicant
ui-col-letter = Letter number
ui-col-deadline = Deadline
ui-col-created = Registered
ui-col-priority = Priority
ui-more = More

## New request
ui-new-title = Register a new request
ui-field-requesting-org = Requesting agency
ui-field-destination-org = Other destination (third party)
ui-field-documents = Documents requested
ui-field-dispatch-mode = Dispatch mode
ui-field-return-due = Original due back on
ui-field-applicant-name = Applicant's name
ui-field-national-code = Applicant's national code
ui-field-mobile = Applicant's mobile
ui-field-letter-number = Letter number
ui-field-letter-date = Letter date
ui-field-purpose = Subject and purpose
ui-field-priority = Priority
ui-org-placeholder = Type an organization's name
ui-doc-placeholder = Type a registry number or title
ui-nothing-found = Nothing found
ui-submit-request = Register and get the tracking code
ui-clear-form = Clear the form
ui-registered = Request registered. Tracking code:
ui-form-has-errors = Some fields need correcting; nothing was saved and what you typed is kept.
ui-date-placeholder = 1404/01/15
ui-date-today = Today
ui-date-weekday = { $weekday }

## Request page
ui-request-title = Request
ui-label-requesting-org = Requesting agency
ui-label-destination = Other destination
ui-label-documents = Documents
ui-label-mode = Dispatch mode
ui-label-return-due = Due back on
ui-label-applicant = Applicant
ui-label-letter = Letter
ui-label-purpose = Purpose
ui-label-priority = Priority
ui-label-created = Registered
ui-label-deadline = Deadline of the current state
ui-label-version = Version
ui-letter-line = No. { $number } of { $date }
ui-timeline = Timeline
ui-history-by = { $user }, { $role }
ui-history-registered = Registered
ui-no-actions = Your role has nothing to do on this request now.
ui-actions = Actions
ui-note = Note
ui-note-required = A reason is required.
ui-confirm = Confirm
ui-dismiss = Cancel
ui-action-done = “{ $action }” done.
ui-conflict-refreshed = The request's current state is shown.
ui-back = Back

## Search
ui-search-title = Search requests
ui-filter-code = Tracking code
ui-filter-org = Requesting agency
ui-filter-letter = Letter number
ui-filter-status = Status
ui-filter-from = Registered from
ui-filter-to = Registered until
ui-filter-text = Text (applicant, organization, document, purpose)
ui-any = Any
ui-search-run = Search
ui-search-none = No request matches.

## Administration
ui-admin-title = Administration
ui-tab-users = Users
ui-tab-orgs = Organizations
ui-tab-docs = Document register
ui-user-add = Add user
ui-field-role = Role
ui-col-username = User name
ui-col-name = Name
ui-col-role = Role
ui-col-active = Active
ui-yes = Yes
ui-no = No
ui-org-add = Add organization
ui-field-org-name = Name
ui-field-org-kind = Kind
ui-field-national-id = National id (optional)
ui-col-kind = Kind
ui-col-national-id = National id
ui-doc-add = Add a document to the register
ui-field-registry-number = Registry number
ui-field-title = Title
ui-field-plate = Property plate (optional)
ui-field-location = Shelf location (optional)
ui-col-registry-number = Registry number
ui-col-title = Title
ui-col-plate = Plate
ui-col-in-repository = In repository
ui-saved = Saved.
ui-filter-list = Filter the list

## Keyboard
ui-help-title = Keyboard shortcuts
ui-help-queue = Go to the queue
ui-help-new = Register a new request
ui-help-search = Search
ui-help-admin = Administration
ui-help-tracking = Go to the tracking-code box
ui-help-help = Show this help
ui-help-submit = Submit the form
ui-help-escape = Close a dialog
ui-help-scanner = Barcode scanner: twelve digits and Enter, anywhere in the app, opens the request
ui-change-password-title = New password
ui-change-password-intro = { $user }, you signed in with a one-time password. Choose a new password before anything else.
ui-field-current-password = One-time or current password
ui-field-new-password = New password
ui-change-password-submit = Save the new password
