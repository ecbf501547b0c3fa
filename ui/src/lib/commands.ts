// Generated from the desk's commands (src-tauri/src/commands, registered in
// src-tauri/src/lib.rs) by src-tauri/src/client.rs. Do not edit: run
// `SANAD_UPDATE_BINDINGS=1 cargo test -p sanad-desk client` after changing a command.

import { Channel, invoke } from "@tauri-apps/api/core";
import type { AccountPolicy, Action, AgencyAccount, ApiRateLimit, AppStatus, Assignee, AuditEntry, AuditQuery, AuditReport, BulkItem, BulkResult, CalendarSettings, ComplaintDecision, ComplaintQuery, ComplaintSummary, ComplaintView, ConnectionProfile, ConnectionSettings, Delegation, DeskSignal, Document, EcopyInfo, ExportFormat, FileWritten, Holiday, ImportOutcome, ImportPlan, IssuedPortalToken, KeptFile, Lang, MailSettings, NewAgencyUser, NewComplaint, NewDelegation, NewDocument, NewNotice, NewOrganization, NewRequest, NewUser, Notice, Notification, OfficeHoursInput, Organization, Page, PageRequest, PortalToken, Printed, Queue, ReceiptPreview, Report, ReportKind, ReportQuery, RequestSummary, RequestView, SearchQuery, Session, SigningKeyView, SlipIssued, SlipPreview, StartStage, TrackStatus, User, Vocabulary } from "../bindings";

export const commands = {
  /** What the window needs at start-up; waits while the desk is still opening its database (`start_stage` says what for), then answers, or answers why it did not open. */
  appStatus: () =>
    invoke<AppStatus>("app_status"),
  /** What the desk's start-up is waiting for (the keychain, the database), for the start screen while `app_status` is pending. Answers at once. */
  startStage: () =>
    invoke<StartStage>("start_stage"),
  /** The window painted its first screen (sign-in, first run or the desk): the background work (the outbox) starts now rather than competing with it. */
  firstScreenShown: () =>
    invoke<void>("first_screen_shown"),
  /** The lists of values every select offers, with their labels' message ids. */
  vocabulary: () =>
    invoke<Vocabulary>("vocabulary"),
  /** First run: creates the first administrator, then signs them in. */
  initAdmin: (username: string, displayName: string, password: string) =>
    invoke<Session>("init_admin", { username, displayName, password }),
  login: (username: string, password: string) =>
    invoke<Session>("login", { username, password }),
  /** Input in the window (typing, pointing) that made no call: keeps the session open. Answers `not_signed_in` once it has ended. */
  sessionTouch: () =>
    invoke<void>("session_touch"),
  /** Replaces the signed-in user's password (the one-time one, or any), then signs in again with it. */
  changePassword: (current: string, newPassword: string) =>
    invoke<Session>("change_password", { current, newPassword }),
  logout: () =>
    invoke<void>("logout"),
  listUsers: () =>
    invoke<User[]>("list_users"),
  addUser: (user: NewUser) =>
    invoke<User>("add_user", { user }),
  listOrganizations: (query: string) =>
    invoke<Organization[]>("list_organizations", { query }),
  addOrganization: (organization: NewOrganization) =>
    invoke<Organization>("add_organization", { organization }),
  listDocuments: (query: string) =>
    invoke<Document[]>("list_documents", { query }),
  addDocument: (document: NewDocument) =>
    invoke<Document>("add_document", { document }),
  /** Registers a request. The answer carries the follow-up PIN this once; its receipt is kept in this process for the receipt dialog (`receipt.rs`), since the PIN can never be read back. */
  registerRequest: (request: NewRequest) =>
    invoke<RequestView>("register_request", { request }),
  requestByCode: (code: string) =>
    invoke<RequestView>("request_by_code", { code }),
  /** Takes `action` on a request. `expected_version` is the version the user was looking at, so a change made meanwhile at another desk comes back as a conflict instead of being overwritten. */
  act: (code: string, action: Action, note: string | null, expectedVersion: number | null) =>
    invoke<RequestView>("act", { code, action, note, expectedVersion }),
  queue: (page: PageRequest) =>
    invoke<Queue>("queue", { page }),
  search: (query: SearchQuery) =>
    invoke<Page<RequestSummary>>("search", { query }),
  /** Issues a one-time password for `username` (shown once; the user must change it at sign-in). */
  resetPassword: (username: string) =>
    invoke<string>("reset_password", { username }),
  setUserActive: (username: string, active: boolean) =>
    invoke<User>("set_user_active", { username, active }),
  accountPolicy: () =>
    invoke<AccountPolicy>("account_policy"),
  setAccountPolicy: (policy: AccountPolicy) =>
    invoke<AccountPolicy>("set_account_policy", { policy }),
  auditLog: (query: AuditQuery) =>
    invoke<AuditEntry[]>("audit_log", { query }),
  verifyAudit: () =>
    invoke<AuditReport>("verify_audit"),
  /** Where a backup goes unless the administrator says otherwise. */
  suggestedBackupPath: () =>
    invoke<string>("suggested_backup_path"),
  /** Writes an encrypted backup to `path` (sealed with `passphrase`, or with this computer's keychain backup key when none is typed). Administrator only. */
  writeBackup: (path: string, passphrase: string | null) =>
    invoke<FileWritten>("write_backup", { path, passphrase }),
  /** Restores the backup at `path` into this desk's new, empty database (the first-run screen offers it instead of creating the first administrator). */
  restoreBackup: (path: string, passphrase: string | null) =>
    invoke<AuditReport>("restore_backup", { path, passphrase }),
  /** Starts sending each change, and the database's loss and return, to `on_change`, replacing the previous watcher. It stops at sign-out, or when the window is gone. */
  watchChanges: (onChange: (message: DeskSignal) => void) =>
    {
    const channel = new Channel<DeskSignal>();
    channel.onmessage = onChange;
    return invoke<void>("watch_changes", { onChange: channel });
  },
  /** One field of a form checked as the user leaves it: its normalized value, or the error the core would give on submit. Touches no data, so it needs no session. */
  checkField: (field: string, value: string) =>
    invoke<string>("check_field", { field, value }),
  /** Organizations registered under one normalized name (or national id), group by group. */
  duplicateOrganizations: () =>
    invoke<Organization[][]>("duplicate_organizations"),
  connectionSettings: () =>
    invoke<ConnectionSettings>("connection_settings"),
  /** Opens `profile`, saves it as this desk's choice, and puts it in place of the open database. Allowed before anyone signs in (first run, or a server that moved) and to the administrator. */
  connectDatabase: (profile: ConnectionProfile, password: string | null) =>
    invoke<ConnectionSettings>("connect_database", { profile, password }),
  slipPreview: (code: string, paperSize: string) =>
    invoke<SlipPreview>("slip_preview", { code, paperSize }),
  /** Issues the next copy and sends it to `printer`, which becomes the clerk's saved printer. */
  printSlip: (code: string, paperSize: string, printer: string) =>
    invoke<SlipIssued>("print_slip", { code, paperSize, printer }),
  receiptPreview: (code: string, paperSize: string, lang: Lang) =>
    invoke<ReceiptPreview>("receipt_preview", { code, paperSize, lang }),
  /** Prints the kept receipt of `code` on `printer` (which becomes the clerk's saved printer). */
  printReceipt: (code: string, paperSize: string, printer: string, lang: Lang) =>
    invoke<Printed>("print_receipt", { code, paperSize, printer, lang }),
  /** Saves the kept receipt of `code` as a PDF at `path`. */
  saveReceipt: (code: string, paperSize: string, path: string, lang: Lang) =>
    invoke<FileWritten>("save_receipt", { code, paperSize, path, lang }),
  /** Where the dialog offers to save the receipt of `code`. */
  suggestedReceiptPath: (code: string) =>
    invoke<string>("suggested_receipt_path", { code }),
  /** The receipt dialog closed: the PIN is forgotten for good. */
  forgetReceipt: (code: string) =>
    invoke<void>("forget_receipt", { code }),
  listPortalTokens: () =>
    invoke<PortalToken[]>("list_portal_tokens"),
  /** Issues agency `organization_id` a token labelled `label`; the answer holds the secret, once. */
  issuePortalToken: (organizationId: string, label: string) =>
    invoke<IssuedPortalToken>("issue_portal_token", { organizationId, label }),
  revokePortalToken: (id: string) =>
    invoke<PortalToken>("revoke_portal_token", { id }),
  apiRateLimit: () =>
    invoke<ApiRateLimit>("api_rate_limit"),
  /** Sets the per-token rate limit; the core checks the range. */
  setApiRateLimit: (calls: number, seconds: number) =>
    invoke<ApiRateLimit>("set_api_rate_limit", { calls, seconds }),
  signingKeys: () =>
    invoke<SigningKeyView[]>("signing_keys"),
  /** Makes the first key (or the next after a revocation); answers its id. */
  initSigningKey: () =>
    invoke<string>("init_signing_key"),
  /** Starts a new key and ends the current one's validity now; answers the new key's id. */
  rotateSigningKey: () =>
    invoke<string>("rotate_signing_key"),
  /** Revokes key `kid` from the Jalali date `from` (Tehran's midnight). */
  revokeSigningKey: (kid: string, from: string) =>
    invoke<void>("revoke_signing_key", { kid, from }),
  /** The certified copy of request `code`, or none when it has none (yet). */
  ecopyInfo: (code: string) =>
    invoke<EcopyInfo | null>("ecopy_info", { code }),
  /** Saves the certified copy of request `code` as a PDF at `path`. */
  saveEcopy: (code: string, path: string) =>
    invoke<FileWritten>("save_ecopy", { code, path }),
  /** Where the request page offers to save the copy. */
  suggestedEcopyPath: (code: string) =>
    invoke<string>("suggested_ecopy_path", { code }),
  registerComplaint: (complaint: NewComplaint) =>
    invoke<ComplaintView>("register_complaint", { complaint }),
  complaintByCode: (code: string) =>
    invoke<ComplaintView>("complaint_by_code", { code }),
  complaints: (query: ComplaintQuery) =>
    invoke<ComplaintSummary[]>("complaints", { query }),
  /** The staff a complaint can be assigned to (for the assign dialog's picker). */
  complaintAssignees: () =>
    invoke<Assignee[]>("complaint_assignees"),
  /** One step on a complaint, at the version the user was looking at (a change made meanwhile at another desk comes back as a conflict). */
  complaintStep: (code: string, step: ComplaintDecision, expectedVersion: number) =>
    invoke<ComplaintView>("complaint_step", { code, step, expectedVersion }),
  complaintNotifications: (code: string) =>
    invoke<Notification[]>("complaint_notifications", { code }),
  track: (code: string, lang: Lang) =>
    invoke<TrackStatus>("track", { code, lang }),
  attachScan: (documentId: string, contentBase64: string, name: string | null, title: string | null) =>
    invoke<KeptFile>("attach_scan", { documentId, contentBase64, name, title }),
  documentScans: (documentId: string) =>
    invoke<KeptFile[]>("document_scans", { documentId }),
  attachRequestFile: (code: string, purpose: string, contentBase64: string, name: string | null, title: string | null) =>
    invoke<KeptFile>("attach_request_file", { code, purpose, contentBase64, name, title }),
  requestFiles: (code: string) =>
    invoke<KeptFile[]>("request_files", { code }),
  /** The first page of a kept file as a `data:image/png;base64,…` URL for an `<img>`. */
  fileThumbnail: (fileId: string) =>
    invoke<string>("file_thumbnail", { fileId }),
  planDocumentImport: (contentBase64: string) =>
    invoke<ImportPlan>("plan_document_import", { contentBase64 }),
  importDocuments: (contentBase64: string) =>
    invoke<ImportOutcome>("import_documents", { contentBase64 }),
  listAgencyUsers: () =>
    invoke<AgencyAccount[]>("list_agency_users"),
  addAgencyUser: (user: NewAgencyUser) =>
    invoke<AgencyAccount>("add_agency_user", { user }),
  /** A one-time password, shown once; the officer must change it at the next sign-in. */
  resetAgencyPassword: (username: string) =>
    invoke<string>("reset_agency_password", { username }),
  setAgencyUserActive: (username: string, active: boolean) =>
    invoke<User>("set_agency_user_active", { username, active }),
  delegations: (activeOnly: boolean) =>
    invoke<Delegation[]>("delegations", { activeOnly }),
  addDelegation: (delegation: NewDelegation) =>
    invoke<Delegation>("add_delegation", { delegation }),
  endDelegation: (id: string) =>
    invoke<Delegation>("end_delegation", { id }),
  /** One step on every selected request, each on its own: the answer lists what was applied and what was refused and why. */
  actMany: (items: BulkItem[], action: Action, note: string | null) =>
    invoke<BulkResult>("act_many", { items, action, note }),
  noticeBoard: () =>
    invoke<Notice[]>("notice_board"),
  addNotice: (notice: NewNotice) =>
    invoke<Notice>("add_notice", { notice }),
  cancelNotice: (id: string) =>
    invoke<void>("cancel_notice", { id }),
  /** What this desk shows as banners now: upcoming windows from the lead time on, and those in progress. The sign-in screen shows them too: with nobody signed in, the public view. */
  activeBanners: () =>
    invoke<Notice[]>("active_banners"),
  holidays: (year: number | null) =>
    invoke<Holiday[]>("holidays", { year }),
  addHoliday: (date: string, title: string) =>
    invoke<Holiday>("add_holiday", { date, title }),
  removeHoliday: (date: string) =>
    invoke<void>("remove_holiday", { date }),
  calendarSettings: () =>
    invoke<CalendarSettings>("calendar_settings"),
  setThursdayOff: (off: boolean) =>
    invoke<CalendarSettings>("set_thursday_off", { off }),
  setOfficeHours: (hours: OfficeHoursInput) =>
    invoke<CalendarSettings>("set_office_hours", { hours }),
  overdueRequests: (page: PageRequest) =>
    invoke<Page<RequestSummary>>("overdue_requests", { page }),
  mailSettings: () =>
    invoke<MailSettings | null>("mail_settings"),
  /** Saves the mail server and, when typed, its password (to the OS keychain, never to settings). */
  setMailSettings: (settings: MailSettings, password: string | null) =>
    invoke<MailSettings | null>("set_mail_settings", { settings, password }),
  requestNotifications: (code: string) =>
    invoke<Notification[]>("request_notifications", { code }),
  report: (kind: ReportKind, query: ReportQuery) =>
    invoke<Report>("report", { kind, query }),
  /** Where an export goes unless the reader says otherwise: the documents folder, named after the report, its format and today. */
  suggestedExportPath: (kind: ReportKind, format: ExportFormat) =>
    invoke<string>("suggested_export_path", { kind, format }),
  /** Writes the report to `path` (the export is recorded in the audit log by the core). */
  exportReport: (kind: ReportKind, query: ReportQuery, format: ExportFormat, path: string, lang: Lang) =>
    invoke<FileWritten>("export_report", { kind, query, format, path, lang }),
};
