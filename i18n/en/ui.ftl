## The desktop app's own words (ui/). Errors of the core live in errors.ftl and validation.ftl.

ui-loading = Loading…
ui-app-subtitle = Sending documents to executive agencies and third parties
ui-error-not-signed-in = Your session has ended; please sign in again.
ui-error-not-ready = The application is still opening its database; try again in a moment.
ui-error-unexpected = Something unexpected happened; please try again.
ui-error-start = The application could not reach its database.
ui-start-waiting = Getting ready…
ui-start-keychain = Waiting for the system keychain…
ui-start-database = Opening the database and bringing its structure up to date…

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

## Database connection
ui-db-change = Change where the data is
ui-db-connect = Connect and save
ui-db-switch-intro = Where this desk reads its data. Changing it signs everyone out of this desk; they sign in to the new database.
ui-db-from-environment = This run was opened with the { "SANAD_DB" } environment variable; the saved choice applies from the next run without it.
ui-db-password-keychain = Kept in the operating system's keychain, never in a file. Leave empty if already saved.
ui-field-db-host = Server address
ui-field-db-port = Port
ui-field-db-name = Database name
ui-field-db-user = Database user
ui-field-db-password = Database password
ui-field-db-tls = Connection encryption
ui-db-tls-require = Always encrypted
ui-db-tls-verify-full = Encrypted, server certificate verified
ui-db-tls-prefer = Encrypted when the server supports it
ui-first-run-create = Create the administrator
ui-first-run-restore = Restore a backup

## Backup and restore
ui-backup-title = Backup
ui-backup-intro = Everything, the audit log included, is written to one encrypted file.
ui-backup-submit = Write backup
ui-backup-written = Backup written to { $path } ({ $bytes } bytes).
ui-field-backup-path = Backup file path
ui-field-backup-passphrase = Backup passphrase (optional)
ui-backup-passphrase-hint = Left empty, this computer's backup key in the operating system's keychain is used, and the backup opens only on this computer.
ui-restore-intro = A backup is restored only into a new, empty database. The audit chain is checked before anything is kept.
ui-restore-submit = Restore backup
ui-restore-done = Backup restored: { $entries } audit entries, chain intact. Sign in with one of the backup's accounts.
ui-restore-continue = Go to sign-in

## Accounts
ui-user-reset = One-time password
ui-user-reset-title = Reset the password of { $name }
ui-user-reset-confirm = A one-time password is made and the current one stops working. The user must change it at the next sign-in.
ui-user-one-time-shown-once = This password is shown only this once; give it to the user in person.
ui-user-deactivate = Deactivate
ui-user-deactivate-title = Deactivate { $name }
ui-user-deactivate-confirm = This user can no longer sign in. The account is not deleted and the name stays in the histories.
ui-user-activate = Activate
ui-close = Close
ui-cancel = Cancel
ui-save = Save
ui-policy-min-password = Minimum password length
ui-policy-lockout-attempts = Failed sign-ins before the account locks
ui-policy-lockout-minutes = Lockout (minutes)
ui-policy-idle-minutes = Lock the desk after idle (minutes)
ui-tab-policy = Account policy
ui-tab-backup = Backup
ui-tab-connection = Database

## Audit log
ui-nav-audit = Audit log
ui-help-audit = Audit log
ui-audit-title = Audit log
ui-audit-verify = Verify the audit chain
ui-audit-intact = The chain is intact ({ $entries } entries).
ui-audit-broken = The chain is broken at entry { $seq }.
ui-audit-user = User
ui-audit-action = Event
ui-audit-action-hint = e.g. { "request" } for every request event
ui-audit-request = Request tracking code
ui-audit-seq = No.
ui-audit-at = Time
ui-audit-detail = Details
ui-audit-empty = No entries match these filters.
audit-request-step = Request: { $action }
audit-request-register = Request registered
audit-request-view-personal = Request personal details viewed
audit-request-slip-print = Slip printed
audit-request-slip-reprint = Slip reprinted
audit-user-login = Sign-in
audit-user-login-failed = Failed sign-in
audit-user-login-locked = Sign-in to a locked account
audit-user-lockout = Account locked
audit-user-password-reset = Password reset
audit-user-password-change = Password changed
audit-user-add = User added
audit-user-init-admin = Administrator created
audit-user-activate = User activated
audit-user-deactivate = User deactivated
audit-database-backup = Backup
audit-database-rekey = Database key rotated
audit-organization-add = Organization added
audit-document-add = Document added
audit-office-profile = Office profile changed
audit-settings-account-policy = Account policy changed
audit-settings-target = Time target changed
audit-slip-default-printer = Slip printer chosen

## Slip printing
ui-slip-print = Print slip
ui-slip-title = Print the dispatch slip
ui-slip-paper = Paper
ui-slip-paper-a5 = A5
ui-slip-paper-a4 = A4
ui-slip-paper-80mm = 80 mm roll
ui-slip-printer = Printer
ui-slip-copy-first = Original
ui-slip-copy-duplicate = Duplicate — copy { $copy }
ui-slip-send = Send to printer
ui-slip-sent = Slip (copy { $copy }) sent to printer { $printer }.
ui-slip-no-printers = No printer is set up on this computer.
ui-slip-render-failed = The slip could not be made; tell the administrator.
ui-slip-no-such-printer = There is no printer named { $printer } on this computer.
ui-slip-no-printer = No printer chosen and the system has no default printer.
ui-slip-spooler-refused = The print spooler refused the job; check the printer and try again. This copy is recorded: printing again makes a duplicate.
ui-slip-print-preview = This system's print spooler does not take the slip's PDF; print the slip from its preview in the desk.

## Errors
ui-error-file = The file { $path } could not be read or written; check the path and permissions.
ui-error-render-title = This screen could not be shown
ui-error-render = Something went wrong showing this screen. Nothing was lost; try again or go to another screen.
ui-error-render-retry = Try again
ui-changes-live = Changes at other desks show by themselves
audit-field-tracking-code = Tracking code
audit-field-from = From
audit-field-to = To
audit-field-status = Status
audit-field-note = Note
audit-field-version = Version
audit-field-copy = Slip copy
audit-field-paper = Paper
audit-field-printer = Printer
audit-field-username = Username
audit-field-role = Role
audit-field-name = Name
audit-field-kind = Kind
audit-field-national-id = National ID
audit-field-registry-number = Registry number
audit-field-title = Title
audit-field-hours = Hours
audit-field-backend = Database kind
audit-field-directorate-name = Directorate name
audit-field-logo-bytes = Logo size (bytes)
audit-field-failures = Failed sign-ins
audit-field-until = Until
audit-field-active = Active

## Complaints, suggestions and comments
ui-nav-complaints = Complaints
ui-help-complaints = Complaints, suggestions and comments
ui-complaints-title = Complaints, suggestions and comments
ui-complaints-list = List
ui-complaints-open = All open
ui-complaints-mine = Assigned to me only
ui-complaints-none = Nothing here.
ui-complaint-new = Register new
ui-complaint-kind = Kind
ui-complaint-person = Full name
ui-complaint-mobile = Mobile
ui-complaint-email = E-mail
ui-complaint-contact = Contact
ui-complaint-request = Related request's tracking code (optional)
ui-complaint-text = Text
ui-complaint-register = Register and get a tracking code
ui-complaint-assignee = Assign to
ui-complaint-assignee-hint = A clerk, reviewer, the director or the ministry's liaison; type a name to find them
ui-complaint-answer = Answer
ui-note-optional = Note (optional)
ui-notifications-title = Messages to the applicant
ui-notification-sent = Sent
ui-notification-pending = Waiting to be sent
ui-notification-next = next attempt { $at } ({ $attempts } so far)

## Tracking status
ui-track-request = Request
ui-track-complaint = Complaint, suggestion or comment
ui-track-since = since { $since }
ui-track-name = for { $name }
ui-track-open = See all details

## Notices
ui-banner-maintenance-ahead = Planned maintenance from { $starts } to { $ends }
ui-banner-maintenance-now = Maintenance in progress until { $ends }
ui-banner-disruption = Service disruption from { $starts } to { $ends }
ui-banner-read-only = During this window the system is read-only and accepts no changes.
ui-tab-notices = Notices
ui-notice-kind = Kind
ui-notice-maintenance = Maintenance
ui-notice-disruption = Disruption
ui-notice-starts = Starts (year/month/day hour:minute)
ui-notice-ends = Ends (year/month/day hour:minute)
ui-notice-read-only = Read-only during the window
ui-notice-read-only-short = Read-only
ui-notice-text = Notice text
ui-notice-add = Post notice
ui-notice-cancel = Cancel
ui-notice-cancelled = Cancelled

## Calendar
ui-tab-calendar = Working calendar
ui-calendar-thursday-off = Thursdays are off
ui-office-hours = Office hours (deadlines are counted only in these hours)
ui-office-hours-weekdays = Saturday to Wednesday
ui-office-hours-thursday = Thursday (when it is a working day)
ui-office-hours-opens = From
ui-office-hours-closes = Until
ui-office-hours-save = Save office hours
ui-office-hours-saved = Office hours saved.
ui-office-hours-note = A change to office hours, holidays or Thursdays sets the deadlines only of requests reaching a new state from now on; open requests keep their current deadline until they next change state.
ui-holiday-date = Holiday date
ui-holiday-title = Occasion
ui-holiday-add = Add holiday
ui-holiday-remove = Remove
ui-overdue-title = Requests past their deadline ({ $count })

## Mail
ui-tab-mail = E-mail
ui-mail-host = Mail server
ui-mail-port = Port
ui-mail-tls = Encryption
ui-mail-tls-starttls = STARTTLS (port 587)
ui-mail-tls-tls = TLS from the start (port 465)
ui-mail-tls-none = None (office network only)
ui-mail-username = User name
ui-mail-password = Password
ui-mail-from = Sender address
ui-field-applicant-email = Applicant's e-mail (optional)
ui-field-applicant-email-hint = The request's result is sent to this address.
audit-complaint-step = Complaint: { $action }
audit-complaint-register = Complaint registered
audit-complaint-view-personal = Complaint personal details viewed
audit-notice-add = Notice posted
audit-notice-cancel = Notice cancelled
audit-outbox-lease = Messages taken for sending
audit-outbox-sent = Message sent to the applicant
audit-outbox-retry = Message not delivered; will retry
audit-calendar-holiday-add = Holiday added
audit-calendar-holiday-remove = Holiday removed
audit-settings-complaint-target = Complaint time target changed
audit-settings-mail = Mail settings changed
audit-settings-mail-password = Mail password changed
audit-settings-notice-lead = Notice lead time changed
audit-settings-thursday-off = Thursday off changed
audit-settings-office-hours = Office hours changed
audit-calendar-thursday-off = Thursday off changed
audit-report-export = Report exported
audit-field-format = Format
audit-field-rows = Rows
audit-field-messages = Messages
audit-field-event = Event
audit-field-attempt = Attempt

## Reports
ui-nav-reports = Reports
ui-help-reports = Reports
ui-reports-title = Service quality reports
ui-report-kind = Report
ui-report-run = Show
ui-report-empty = No data in this period.
ui-report-period-all = From the start to { $to }
ui-report-period = From { $from } to { $to }
ui-report-format = File format
ui-report-xlsx = Excel (.xlsx)
ui-report-csv = Comma-separated (.csv)
ui-report-path = File path
ui-report-save = Save file
ui-report-written = Report saved to { $path }.
ui-connection-lost = The database cannot be reached. Nothing is saved until it is back; the desk reconnects by itself.

## The desk through a clerk's whole day (issue 12, items 4–7)
ui-signed-in-role = , { $role }
ui-new-another = Register another request
ui-new-another-hint = A new request is one key away:
ui-help-date-next = In a date field: the next day (in an empty one: today)
ui-help-date-previous = In a date field: the day before (in an empty one: today)
ui-help-date-month-next = In a date field: thirty days later
ui-help-date-month-previous = In a date field: thirty days earlier
ui-help-date-today = In a date field: today
ui-help-choice = In side-by-side choices (dispatch mode, priority): the next or previous choice
ui-slip-choose-printer = No printer is chosen: pick one from the printer list to send the slip.
ui-slip-preview-pending = The slip's preview is not ready yet: it can be sent once it is.
ui-slip-cannot-send-no-printers = No printer is installed on this computer: nothing can be sent until one is.
ui-admin-duplicates-title = Look-alike organizations
ui-admin-duplicates-run = Check for duplicate organizations
ui-admin-duplicates-none = No duplicate organizations found.
ui-admin-duplicates-group = Group { $number }: { $count } organizations under one name or national id
ui-admin-duplicates-hint = These were registered before duplicates were refused: keep one and rename the others.

## The registration receipt after registering at the desk (ReceiptDialog)
ui-receipt-title = Registration receipt
ui-receipt-pin-once = The follow-up PIN is shown this once: after this window closes it cannot be shown or printed again. Print or save the receipt and hand it to the applicant before closing.
ui-receipt-no-portal = (the administrator has not set the portal's address yet)
ui-receipt-print = Print the receipt
ui-receipt-path = Save the PDF to
ui-receipt-save = Save the PDF
ui-receipt-sent = Registration receipt sent to printer { $printer }.
ui-copy = Copy
ui-copied = Copied

## API tokens for agencies' systems (admin/ApiTokens)
ui-tab-api-tokens = API tokens
ui-token-org = Agency
ui-token-label = Label (the agency's system)
ui-token-add = Issue a token
ui-token-created = Issued
ui-token-last-used = Last used
ui-token-state = State
ui-token-never-used = Never used
ui-token-active = Active
ui-token-revoked-on = Revoked on { $at }
ui-token-revoke = Revoke
ui-token-none = No token has been issued yet.
ui-token-issued-title = New token
ui-token-shown-once = This token is shown this once and the system does not keep it: copy it and give it to the agency's system administrator over a safe channel. Whoever holds it registers requests in this agency's name.
ui-token-revoke-title = Revoke a token
ui-token-revoke-confirm = Revoke the token "{ $label }" of { $org }? That agency's system will be refused with it from now on; this cannot be undone.
ui-token-limit-title = Calls allowed per token
ui-token-limit-calls = At most this many calls
ui-token-limit-seconds = In this many seconds

## The directorate's signing keys (admin/SigningKeys)
ui-tab-signing-keys = Signing keys
ui-key-cli-only = The directorate's signing key signs slips and certified copies. Exporting and importing a key (a file sealed with a passphrase, for another desk that signs) is done only on the command line (sanad key export, sanad key import).
ui-key-init = Make the signing key
ui-key-rotate = Rotate the key
ui-key-made = New key made:
ui-key-id = Key id
ui-key-valid-from = Valid from
ui-key-valid-until = Valid until
ui-key-revoked-from = Revoked from
ui-key-state = State
ui-key-on-this-desk = On this desk
ui-key-state-current = Current
ui-key-state-rotated = Rotated
ui-key-state-revoked = Revoked
ui-key-revoke = Revoke the key
ui-key-none = No signing key has been made yet; until then slips and copies go unsigned.
ui-key-init-confirm = Make a new signing key? Its private half is kept in this computer's keychain.
ui-key-rotate-confirm = Make a new key and end the current key's validity now? What it signed before still verifies.
ui-key-revoke-confirm = If the key fell into other hands, revoke it: whatever it signed from the date below no longer verifies. Key:
ui-key-revoke-from = Revoked from the date

## The certified copy on the request page (RequestCopy)
ui-ecopy-title = Certified electronic copy
ui-ecopy-issued = Issued
ui-ecopy-size = Size
ui-ecopy-token = Signed token
ui-ecopy-copy-token = Copy the token
ui-ecopy-path = Save the PDF to
ui-ecopy-save = Save the PDF

## A complaint's registration receipt (sanad-slip, the desk's receipt dialog)
receipt-complaint-title = Complaint, suggestion or comment received
receipt-complaint-document-title = Receipt { $code }
receipt-complaint-kind = Kind
receipt-complaint-next-text = The registry will look into it and answer. Follow it on the portal with the tracking code and the follow-up PIN.
