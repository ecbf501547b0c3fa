// Generated from the Rust types by src-tauri/src/bindings.rs (ts-rs). Do not edit:
// run `SANAD_UPDATE_BINDINGS=1 cargo test -p sanad-desk bindings` after changing them.

export type Role = "clerk" | "reviewer" | "director" | "ministry" | "auditor" | "admin" | "agency";

export type Status = "submitted" | "under_review" | "correction" | "awaiting_director" | "awaiting_ministry" | "approved" | "rejected" | "dispatched" | "delivered" | "returned_to_repository" | "closed" | "cancelled";

export type Action = "start_review" | "send_back" | "resubmit" | "forward" | "approve" | "reject" | "dispatch" | "confirm_delivery" | "receive_back" | "close" | "cancel";

export type DispatchMode = "electronic_copy" | "certified_paper_copy" | "original";

export type Priority = "normal" | "urgent";

export type OrgKind = "agency" | "ministry" | "third_party";

export type User = { id: string, username: string, display_name: string, role: Role, active: boolean, must_change_password: boolean, };

export type NewUser = { username: string, display_name: string, role: string, password: string, };

export type Organization = { id: string, name: string, kind: OrgKind, national_id: string | null, };

export type NewOrganization = { name: string, kind: string, national_id: string | null, };

export type Document = { id: string, registry_number: string, title: string, property_plate: string | null, location: string | null, in_repository: boolean, 
/**
 * The organization the document is held for (`None`: not recorded).
 */
organization_id: string | null, };

export type NewDocument = { registry_number: string, title: string, property_plate: string | null, location: string | null, 
/**
 * The organization the document is held for: only that agency may ask for it on the portal.
 */
organization_id: string | null, };

export type Applicant = { name: string, national_code: string, mobile: string, 
/**
 * Where results are e-mailed (optional).
 */
email: string | null, };

export type Letter = { number: string, date: string, };

export type NewRequest = { requesting_org: string, destination_org: string | null, documents: Array<string>, dispatch_mode: string, return_due: string | null, applicant: Applicant, letter: Letter, purpose: string, priority: string, 
/**
 * The desk's key for this registration (one per draft): when the answer to a registration
 * was lost, sending it again with the same key returns the request registered the first
 * time instead of registering a second one. 8–100 of `A–Z a–z 0–9 - _`.
 */
idempotency_key?: string, };

export type HistoryEntry = { action: string, from: Status | null, to: Status, 
/**
 * The username.
 */
user: string, 
/**
 * The user's display name (kept after deactivation: users are never deleted).
 */
user_name: string, role: Role, 
/**
 * RFC 3339, UTC.
 */
at: string, 
/**
 * The same instant in Asia/Tehran on the Jalali calendar, `1404/10/30 14:05`.
 */
at_jalali: string, note: string | null, 
/**
 * Taken under a delegation: the display name of the person acted for (`role` is then the
 * delegated role, `user_name` the real person).
 */
acting_for: string | null, 
/**
 * The delegation it was taken under.
 */
delegation_id: string | null, };

export type RequestView = { id: string, tracking_code: string, 
/**
 * `3581-2290-4417`.
 */
tracking_code_grouped: string, status: Status, 
/**
 * Pass back with an action so a change made meanwhile at another desk is detected.
 */
version: number, requesting_org: Organization, destination_org: Organization | null, needs_ministry: boolean, documents: Array<Document>, dispatch_mode: DispatchMode, return_due: string | null, applicant: Applicant, letter: Letter, purpose: string, priority: Priority, created_at: string, deadline_at: string | null, overdue: boolean, 
/**
 * What the asking user's role may do now (the spellings, as `sanad request show --json`
 * has always printed them).
 */
available_actions: Array<Action>, 
/**
 * The same steps with whether each asks for a reason: what the window's buttons show.
 * (Absent in a request written before it existed, as a saved slip's JSON: none.)
 */
actions: Array<AvailableAction>, 
/**
 * The asking user may print this request's slip now (a clerk, from approval on).
 */
can_print_slip: boolean, history: Array<HistoryEntry>, tracking_pin?: string, };

export type RequestSummary = { id: string, tracking_code: string, 
/**
 * `3581-2290-4417`, as people read it.
 */
tracking_code_grouped: string, status: Status, version: number, priority: Priority, dispatch_mode: DispatchMode, requesting_org_id: string, requesting_org_name: string, applicant_name: string, letter_number: string, created_at: string, 
/**
 * When it entered its current state.
 */
status_since: string, deadline_at: string | null, overdue: boolean, 
/**
 * In the queue of someone acting for another: the display name of the person away whose
 * queue this row is from (shown «به جانشینی از …»); none on the reader's own rows.
 */
acting_for: string | null, 
/**
 * Where it came in: `desk` or `portal` (marked «از سامانه» in the queues).
 */
channel: string, 
/**
 * Registered on the portal: the display name of the agency account that submitted it.
 */
portal_account: string | null, };

export type Page<T> = { items: Array<T>, next: string | null, };

export type StatusCount = { status: Status, count: number, };

export type Queue = { items: Array<RequestSummary>, next: string | null, counts: Array<StatusCount>, overdue: number, };

export type SearchQuery = { code: string | null, org: string | null, letter: string | null, status: string | null, 
/**
 * Jalali, inclusive: requests registered on or after this day (Asia/Tehran).
 */
from: string | null, 
/**
 * Jalali, inclusive.
 */
to: string | null, text: string | null, cursor: string | null, limit: number | null, };

export type PageRequest = { cursor: string | null, limit: number | null, };

export type Session = { username: string, display_name: string, role: Role, 
/**
 * Signed in with the administrator's one-time password: the desk shows only the form to
 * choose a new one (the core refuses everything else until then).
 */
must_change_password: boolean, 
/**
 * The desk returns to the sign-in screen after this many minutes without input (policy);
 * the session also ends by itself in the core after as long without a call.
 */
idle_minutes: number, 
/**
 * The screens and buttons of this role, from the core.
 */
permissions: Permissions, };

export type AppStatus = { 
/**
 * The embedded database's file, or `user@host:port/database` on PostgreSQL.
 */
database: string, 
/**
 * `sqlite` or `postgres`.
 */
backend: string, 
/**
 * True until the first administrator is created.
 */
needs_first_admin: boolean, session: Session | null, };

export type FieldError = { field: string, messageId: string, args: { [key in string]: string }, };

export type StartStage = "starting" | "keychain" | "database" | "ready";

export type CommandError = { 
/**
 * Stable machine code: `invalid_input`, `not_permitted`, `authentication_failed`,
 * `conflict`, `not_found`, `storage`, `not_signed_in`, or `not_ready` (the database is
 * still opening).
 */
code: string, 
/**
 * The Fluent message id the UI shows.
 */
messageId: string, 
/**
 * Fluent arguments of the message.
 */
args: { [key in string]: string }, 
/**
 * For validation: the field to mark (`applicant.national_code`, `letter.date`, …).
 */
field?: string, 
/**
 * For validation: every bad field of the submit, the first being `field`, so the window
 * marks them all at once.
 */
fields?: Array<FieldError>, };

export type AccountPolicy = { min_password_chars: number, 
/**
 * Failed sign-ins in a row that lock an account.
 */
lockout_attempts: number, lockout_minutes: number, 
/**
 * The desktop app returns to the sign-in screen after this long without input.
 */
idle_minutes: number, };

export type AuditQuery = { user: string | null, 
/**
 * An action or its family: `request` matches `request.approve`, `request.dispatch`, …
 */
action: string | null, 
/**
 * A request's tracking code.
 */
request: string | null, from: string | null, to: string | null, 
/**
 * Entries older than this sequence number (the previous page's last).
 */
before: number | null, limit: number | null, };

export type AuditEntry = { seq: number, at: string, at_jalali: string, user: string | null, action: string, entity: string, entity_id: string | null, detail: Record<string, unknown>, };

export type AuditReport = { 
/**
 * Entries checked: the sealed ones and those still queued.
 */
entries: number, 
/**
 * How far the log is sealed: the last sequence number on the chain.
 */
sealed: number, 
/**
 * Entries queued for the sealer, not yet on the chain.
 */
pending: number, 
/**
 * When the oldest queued entry was made (RFC 3339), if any is queued.
 */
oldest_pending_at: string | null, 
/**
 * True when every entry links to the one before, the head matches the last entry, every
 * queued entry matches its own hash and none has waited longer than the limit.
 */
intact: boolean, 
/**
 * The first entry found broken (its sequence number), when not intact.
 */
first_broken: number | null, 
/**
 * Why it is broken: `hash`, `link`, `gap` or `head` (the chain), `pending_hash` (a queued
 * entry changed) or `unsealed` (the queue waited too long: no desk is sealing).
 */
problem: string | null, };

export type FileWritten = { path: string, bytes: number, };

export type Printer = { name: string, description: string, };

export type SlipPreview = { 
/**
 * One SVG document per page, drawn from the PDF's own layout.
 */
pages: Array<string>, 
/**
 * The copy this print would be: 1, or a duplicate (المثنی) from 2 on.
 */
copy: number, printers: Array<Printer>, 
/**
 * The clerk's saved printer, else the system default.
 */
chosen_printer: string | null, };

export type Printed = { "kind": "spooled", printer: string, job: number, } | { "kind": "render_pages", printer: string, width_pt: number, height_pt: number, pages: number, };

export type SlipIssued = { tracking_code: string, copy: number, saved: FileWritten | null, printed: Printed | null, };

export type ReceiptPreview = { 
/**
 * One SVG document per page, drawn from the PDF's own layout.
 */
pages: Array<string>, printers: Array<Printer>, 
/**
 * The clerk's saved printer (the slip's), else the system default.
 */
chosen_printer: string | null, 
/**
 * Where the applicant follows it (the portal's address the administrator set), if set.
 */
portal_address: string | null, };

export type TlsMode = "prefer" | "require" | "verify-full";

export type PostgresProfile = { host: string, port: number, database: string, user: string, tls: TlsMode, };

export type ConnectionProfile = { "backend": "embedded" } | { "backend": "postgres" } & PostgresProfile;

export type ConnectionSettings = { profile: ConnectionProfile, 
/**
 * Where the data is now, as shown to people.
 */
shown: string, 
/**
 * `SANAD_DB` chose the database for this run: the saved choice applies on the next start
 * without it.
 */
from_environment: boolean, };

export type ComplaintKind = "complaint" | "suggestion" | "comment";

export type ComplaintStatus = "registered" | "assigned" | "answered" | "closed";

export type ComplaintAction = "assign" | "answer" | "close";

export type NewComplaint = { 
/**
 * `complaint`, `suggestion` or `comment`.
 */
kind: string, name: string, mobile: string | null, email: string | null, text: string, 
/**
 * The tracking code of the request it is about, if any (any digits, dashes allowed).
 */
request_code: string | null, };

export type ComplaintStep = { 
/**
 * `register`, `assign`, `answer` or `close`.
 */
action: string, from: ComplaintStatus | null, to: ComplaintStatus, 
/**
 * The user name, and the person's name as people read it.
 */
user: string, user_name: string, role: Role, at: string, at_jalali: string, note: string | null, };

export type ComplaintView = { id: string, tracking_code: string, tracking_code_grouped: string, kind: ComplaintKind, status: ComplaintStatus, version: number, name: string, mobile: string | null, email: string | null, text: string, 
/**
 * The linked request's tracking code, and grouped as people read it.
 */
request_code: string | null, request_code_grouped: string | null, 
/**
 * The user name of the member of staff it is assigned to, and their name.
 */
assigned_to: string | null, assigned_to_name: string | null, answer: string | null, created_at: string, deadline_at: string | null, overdue: boolean, available_actions: Array<ComplaintAction>, history: Array<ComplaintStep>, tracking_pin?: string, };

export type Assignee = { username: string, display_name: string, role: Role, };

export type ComplaintSummary = { tracking_code: string, tracking_code_grouped: string, kind: ComplaintKind, status: ComplaintStatus, name: string, created_at: string, deadline_at: string | null, overdue: boolean, };

export type ComplaintQuery = { 
/**
 * One state; all open ones (not closed) when absent.
 */
status: string | null, 
/**
 * Only those assigned to the asking user.
 */
mine: boolean, limit: number | null, };

export type TrackedKind = "request" | "complaint";

export type TrackStatus = { kind: TrackedKind, 
/**
 * `3581-2290-4417`, in the language's digits.
 */
tracking_code_grouped: string, 
/**
 * The state's stable spelling (`under_review`, `answered`, …).
 */
state: string, 
/**
 * The state as one plain sentence, and its Fluent id.
 */
state_text: string, state_message_id: string, 
/**
 * When it reached this state: Jalali date and time in Tehran, in the language's digits.
 */
since: string, 
/**
 * What happens next, and its Fluent id.
 */
next_step_text: string, next_step_message_id: string, 
/**
 * The person's name with all but each word's first letter hidden.
 */
name_masked: string, };

export type NoticeKind = "maintenance" | "disruption";

export type NewNotice = { kind: NoticeKind, text: string, starts: string, ends: string, 
/**
 * Only writes by the administrator are allowed inside the window.
 */
read_only: boolean, };

export type Notice = { id: string, kind: NoticeKind, text: string, starts_at: string, ends_at: string, 
/**
 * `1404/10/10 14:00`, Tehran.
 */
starts_jalali: string, ends_jalali: string, read_only: boolean, cancelled: boolean, 
/**
 * The window has begun (a banner before that announces it ahead).
 */
in_progress: boolean, };

export type FilePurpose = "letter" | "enclosure";

export type KeptFile = { id: string, 
/**
 * `pdf`, `jpeg`, `png` or `tiff`, as recognised from the content.
 */
kind: string, mime: string, size_bytes: number, pages: number, 
/**
 * Lower-case hex SHA-256 of the file.
 */
sha256: string, 
/**
 * The name the file had on the clerk's disk (shown, never trusted).
 */
original_name: string | null, title: string, 
/**
 * The scan's version (1, 2, …), or the attachment's position on its request.
 */
number: number, 
/**
 * Set for a request's file.
 */
purpose: FilePurpose | null, 
/**
 * Whether this is the document's current scan (its highest version).
 */
current: boolean, added_by_name: string, added_at: string, };

export type RowRefusal = { row: number, 
/**
 * As typed in the file, when the row has one.
 */
registry_number: string | null, field: string, message_id: string, args: Record<string, string>, };

export type DocumentChange = { row: number, registry_number: string, title_before: string, title: string, property_plate: string | null, location: string | null, };

export type ImportPlan = { 
/**
 * Rows read (blank rows not counted).
 */
rows: number, add: number, change: number, unchanged: number, 
/**
 * Every refused row, in file order, with its reason.
 */
refused: Array<RowRefusal>, 
/**
 * The first added registry numbers (at most 200).
 */
added: Array<string>, 
/**
 * The first changes (at most 200).
 */
changes: Array<DocumentChange>, 
/**
 * Headers that are not columns of the template.
 */
ignored_columns: Array<string>, 
/**
 * The file's SHA-256, as the audit log records it.
 */
sha256: string, };

export type ImportOutcome = { applied: boolean, plan: ImportPlan, };

export type Holiday = { date: string, title: string, 
/**
 * Computed for a coming year (a lunar day's estimate, «برآورد») and not yet confirmed or
 * moved by the administrator.
 */
estimated: boolean, };

export type CalendarSettings = { 
/**
 * Thursday is a day off (the default); Friday always is.
 */
thursday_off: boolean, 
/**
 * Saturday to Wednesday office hours, Tehran time: `07:30`.
 */
weekday_opens: string, 
/**
 * `14:30`.
 */
weekday_closes: string, 
/**
 * A working Thursday's office hours: `07:30`.
 */
thursday_opens: string, 
/**
 * `12:30`.
 */
thursday_closes: string, };

export type OfficeHoursInput = { weekday_opens: string, weekday_closes: string, thursday_opens: string, thursday_closes: string, };

export type MailTls = "none" | "starttls" | "tls";

export type MailSettings = { host: string, port: number, tls: MailTls, 
/**
 * Sign in as this account (password from the keychain); none for an open relay.
 */
username: string | null, 
/**
 * The sender address applicants see.
 */
from: string, };

export type DeliveryState = "pending" | "sent";

export type Notification = { 
/**
 * `request-approved`, `request-rejected`, `request-correction`, `request-dispatched`,
 * `complaint-answered`, `ecopy-waiting` (to the destination; `ecopy-waiting-attached` with
 * the PDF).
 */
event: string, recipient: string, subject: string, state: DeliveryState, attempts: number, queued_at: string, 
/**
 * When the next attempt is due (pending only).
 */
next_attempt_at: string | null, sent_at: string | null, };

export type ReportKind = "status_counts" | "stage_times" | "on_time" | "complaints";

export type Cell = { "text": string } | { "term": string } | { "int": number } | { "number": number };

export type Report = { kind: ReportKind, 
/**
 * Fluent id of the report's title (`report-title-…`).
 */
title: string, 
/**
 * The period, Jalali, inclusive; no `from` when it covers everything up to `to`.
 */
from: string | null, to: string, columns: Array<string>, rows: Array<Array<Cell>>, };

export type ReportQuery = { from: string | null, to: string | null, };

export type ExportFormat = "xlsx" | "csv";

export type DeskSignal = { "kind": "changed", seq: number, } | { "kind": "lost" } | { "kind": "restored", seq: number, } | { "kind": "file_problem", messageId: string, path: string, };

export type Lang = "fa" | "en";

export type Screen = "queue" | "new" | "search" | "admin" | "complaints" | "reports" | "audit";

export type ScreenEntry = { screen: Screen, alt_digit: number, };

export type Permissions = { 
/**
 * In header order; the first is where the desk opens.
 */
screens: Array<ScreenEntry>, 
/**
 * Opens requests (the scanner, the tracking-code box's button).
 */
reads_requests: boolean, registers_requests: boolean, registers_complaints: boolean, prints_slips: boolean, 
/**
 * The administration screen's system tabs (users, policy, notices, calendar, mail,
 * backups, database) beside the catalog.
 */
administers: boolean, 
/**
 * The queue also lists everything past its deadline.
 */
sees_overdue: boolean, 
/**
 * The queue offers one decision on several requests at once (a delegate of another role
 * gets it on the rows marked as theirs too).
 */
decides_in_bulk: boolean, 
/**
 * The register screen brings in a spreadsheet of documents.
 */
imports_register: boolean, 
/**
 * The request page shows its certified copy and saves its PDF.
 */
reads_certified_copies: boolean, };

export type AvailableAction = { action: Action, 
/**
 * The step asks for a reason (send back, reject, cancel).
 */
needs_note: boolean, };

export type Choice = { value: string, label_id: string, };

export type Vocabulary = { roles: Array<Choice>, statuses: Array<Choice>, dispatch_modes: Array<Choice>, priorities: Array<Choice>, org_kinds: Array<Choice>, 
/**
 * The kinds a request's requesting organization may be (the new-request form's picker).
 */
requesting_org_kinds: Array<Choice>, 
/**
 * The kinds that may have portal accounts and API tokens (the administration's pickers).
 */
portal_org_kinds: Array<Choice>, complaint_kinds: Array<Choice>, complaint_statuses: Array<Choice>, slip_papers: Array<Choice>, 
/**
 * The registration receipt's papers (A5 and the 80 mm roll).
 */
receipt_papers: Array<Choice>, database_tls_modes: Array<Choice>, mail_tls_modes: Array<Choice>, notice_kinds: Array<Choice>, report_kinds: Array<Choice>, export_formats: Array<Choice>, screens: Array<Choice>, 
/**
 * The roles whose steps an administrator may delegate (the delegation form's picker).
 */
delegable_roles: Array<Choice>, 
/**
 * The steps the queue may apply to several requests at once, approving first, each with
 * whether it asks for a reason (labelled `action-…`).
 */
bulk_actions: Array<AvailableAction>, };

export type ComplaintDecision = { "action": "assign", to: string, } | { "action": "answer", text: string, } | { "action": "close", note: string | null, };

export type NewDelegation = { 
/**
 * The user name of the person away.
 */
from: string, 
/**
 * The user name of the person acting in their place.
 */
to: string, 
/**
 * `director`, `ministry` or `reviewer`.
 */
role: string, from_date: string, until: string, 
/**
 * The appointing order's number.
 */
order: string, note: string | null, };

export type Delegation = { id: string, 
/**
 * The person away: user name and display name.
 */
from_user: string, from_name: string, to_user: string, to_name: string, role: Role, 
/**
 * RFC 3339, UTC; the period is `[starts_at, ends_at)`.
 */
starts_at: string, ends_at: string, 
/**
 * Tehran, Jalali: `1405/01/10 00:00`.
 */
starts_jalali: string, ends_jalali: string, order_number: string, note: string | null, 
/**
 * When the administrator ended it early, if they did (Tehran, Jalali).
 */
ended_jalali: string | null, 
/**
 * In force now.
 */
active: boolean, };

export type BulkItem = { code: string, expected_version: number | null, };

export type RefusalKind = "conflict" | "state_changed" | "separation_of_duties" | "not_permitted" | "not_found" | "invalid" | "failed";

export type BulkOutcome = { 
/**
 * The code as the caller gave it.
 */
code: string, applied: boolean, 
/**
 * After the step, when applied.
 */
status: Status | null, version: number | null, refusal: RefusalKind | null, 
/**
 * The refusal's stable error code (`conflict`, `not_permitted`, …) and Fluent message.
 */
error_code: string | null, message_id: string | null, args: Record<string, string>, };

export type BulkResult = { action: Action, outcomes: Array<BulkOutcome>, applied: number, refused: number, };

export type NewAgencyUser = { username: string, display_name: string, 
/**
 * The agency (an organization of kind `agency`) the officer acts for.
 */
organization_id: string, password: string, };

export type AgencyAccount = { organization_id: string, organization_name: string, id: string, username: string, display_name: string, role: Role, active: boolean, must_change_password: boolean, };

export type PortalToken = { id: string, organization_id: string, organization_name: string, label: string, 
/**
 * Jalali date and time in Tehran, ASCII digits.
 */
created_jalali: string, revoked_jalali: string | null, last_used_jalali: string | null, revoked: boolean, };

export type IssuedPortalToken = { id: string, token: string, };

export type ApiRateLimit = { calls: number, seconds: number, };

export type SigningKeyState = "current" | "rotated" | "revoked";

export type SigningKeyView = { kid: string, 
/**
 * RFC 3339, UTC.
 */
valid_from: string, valid_until: string | null, revoked_from: string | null, 
/**
 * The same instants in Tehran on the Jalali calendar (`1404/10/30 14:05`, ASCII digits).
 */
valid_from_jalali: string, valid_until_jalali: string | null, revoked_from_jalali: string | null, state: SigningKeyState, 
/**
 * Whether this desk's keychain holds the private half.
 */
on_this_desk: boolean, };

export type EcopyInfo = { tracking_code: string, sha256: string, token: string, 
/**
 * RFC 3339, UTC.
 */
issued_at: string, 
/**
 * The same instant in Tehran on the Jalali calendar (`1404/10/30 14:05`, ASCII digits).
 */
issued_at_jalali: string, size_bytes: number, };
