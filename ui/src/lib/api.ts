// Typed calls of the desktop shell's commands (src-tauri/src/commands). Every rule is the core's:
// these only carry arguments and hand back results or a CommandError.

import { Channel, invoke } from "@tauri-apps/api/core";
import type {
  Assignee,
  CalendarSettings,
  ComplaintQuery,
  ComplaintSummary,
  ComplaintView,
  Holiday,
  MailSettings,
  NewComplaint,
  NewNotice,
  Notice,
  Notification,
  TrackStatus,
  DeskSignal,
  ExportFormat,
  Report,
  ReportKind,
  ReportQuery,
} from "../bindings";
import type {
  AccountPolicy,
  AppStatus,
  AuditEntry,
  AuditQuery,
  AuditReport,
  FileWritten,
  ConnectionProfile,
  ConnectionSettings,
  SlipPreview,
  SlipPrinted,
  CommandError,
  Document,
  NewDocument,
  NewOrganization,
  NewRequest,
  NewUser,
  Organization,
  Page,
  PageRequest,
  Queue,
  RequestSummary,
  RequestView,
  SearchQuery,
  Session,
  User,
} from "../bindings";

export function isCommandError(value: unknown): value is CommandError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as CommandError).code === "string" &&
    typeof (value as CommandError).messageId === "string"
  );
}

/** Anything thrown by a call, as a CommandError the UI can show. */
export function asCommandError(value: unknown): CommandError {
  if (isCommandError(value)) return value;
  console.error(value);
  return { code: "unexpected", messageId: "ui-error-unexpected", args: {} };
}

export const api = {
  appStatus: () => invoke<AppStatus>("app_status"),
  initAdmin: (username: string, displayName: string, password: string) =>
    invoke<Session>("init_admin", { username, displayName, password }),
  login: (username: string, password: string) => invoke<Session>("login", { username, password }),
  changePassword: (current: string, newPassword: string) =>
    invoke<Session>("change_password", { current, newPassword }),
  logout: () => invoke<void>("logout"),
  listUsers: () => invoke<User[]>("list_users"),
  addUser: (user: NewUser) => invoke<User>("add_user", { user }),
  listOrganizations: (query: string) => invoke<Organization[]>("list_organizations", { query }),
  addOrganization: (organization: NewOrganization) =>
    invoke<Organization>("add_organization", { organization }),
  listDocuments: (query: string) => invoke<Document[]>("list_documents", { query }),
  addDocument: (document: NewDocument) => invoke<Document>("add_document", { document }),
  registerRequest: (request: NewRequest) => invoke<RequestView>("register_request", { request }),
  requestByCode: (code: string) => invoke<RequestView>("request_by_code", { code }),
  act: (code: string, action: string, note: string | null, expectedVersion: number) =>
    invoke<RequestView>("act", { code, action, note, expectedVersion }),
  queue: (page: PageRequest) => invoke<Queue>("queue", { page }),
  search: (query: SearchQuery) => invoke<Page<RequestSummary>>("search", { query }),
  resetPassword: (username: string) => invoke<string>("reset_password", { username }),
  setUserActive: (username: string, active: boolean) =>
    invoke<User>("set_user_active", { username, active }),
  accountPolicy: () => invoke<AccountPolicy>("account_policy"),
  setAccountPolicy: (policy: AccountPolicy) =>
    invoke<AccountPolicy>("set_account_policy", { policy }),
  auditLog: (query: AuditQuery) => invoke<AuditEntry[]>("audit_log", { query }),
  verifyAudit: () => invoke<AuditReport>("verify_audit"),
  suggestedBackupPath: () => invoke<string>("suggested_backup_path"),
  suggestedExportPath: (kind: ReportKind, format: ExportFormat) =>
    invoke<string>("suggested_export_path", { kind, format }),
  writeBackup: (path: string, passphrase: string | null) =>
    invoke<FileWritten>("write_backup", { path, passphrase }),
  restoreBackup: (path: string, passphrase: string | null) =>
    invoke<AuditReport>("restore_backup", { path, passphrase }),
  connectionSettings: () => invoke<ConnectionSettings>("connection_settings"),
  connectDatabase: (profile: ConnectionProfile, password: string | null) =>
    invoke<ConnectionSettings>("connect_database", { profile, password }),
  slipPreview: (code: string, paperSize: string) =>
    invoke<SlipPreview>("slip_preview", { code, paperSize }),
  printSlip: (code: string, paperSize: string, printer: string) =>
    invoke<SlipPrinted>("print_slip", { code, paperSize, printer }),
  registerComplaint: (complaint: NewComplaint) =>
    invoke<ComplaintView>("register_complaint", { complaint }),
  complaintByCode: (code: string) => invoke<ComplaintView>("complaint_by_code", { code }),
  complaints: (query: ComplaintQuery) => invoke<ComplaintSummary[]>("complaints", { query }),
  complaintAssignees: () => invoke<Assignee[]>("complaint_assignees"),
  complaintStep: (code: string, action: string, value: string | null, expectedVersion: number) =>
    invoke<ComplaintView>("complaint_step", { code, action, value, expectedVersion }),
  complaintNotifications: (code: string) =>
    invoke<Notification[]>("complaint_notifications", { code }),
  requestNotifications: (code: string) => invoke<Notification[]>("request_notifications", { code }),
  track: (code: string, lang: string) => invoke<TrackStatus>("track", { code, lang }),
  noticeBoard: () => invoke<Notice[]>("notice_board"),
  addNotice: (notice: NewNotice) => invoke<Notice>("add_notice", { notice }),
  cancelNotice: (id: string) => invoke<void>("cancel_notice", { id }),
  activeBanners: () => invoke<Notice[]>("active_banners"),
  holidays: (year: number | null) => invoke<Holiday[]>("holidays", { year }),
  addHoliday: (date: string, title: string) => invoke<Holiday>("add_holiday", { date, title }),
  removeHoliday: (date: string) => invoke<void>("remove_holiday", { date }),
  calendarSettings: () => invoke<CalendarSettings>("calendar_settings"),
  setThursdayOff: (off: boolean) => invoke<CalendarSettings>("set_thursday_off", { off }),
  overdueRequests: (page: PageRequest) =>
    invoke<Page<RequestSummary>>("overdue_requests", { page }),
  mailSettings: () => invoke<MailSettings | null>("mail_settings"),
  setMailSettings: (settings: MailSettings, password: string | null) =>
    invoke<MailSettings | null>("set_mail_settings", { settings, password }),
  report: (kind: ReportKind, query: ReportQuery) => invoke<Report>("report", { kind, query }),
  exportReport: (
    kind: ReportKind,
    query: ReportQuery,
    format: ExportFormat,
    path: string,
    lang: string,
  ) => invoke<FileWritten>("export_report", { kind, query, format, path, lang }),
  /**
   * Calls `onChange` whenever data changes anywhere (this desk, another, the command line), and
   * when the database is lost or back.
   */
  watchChanges: (onChange: (signal: DeskSignal) => void) => {
    const channel = new Channel<DeskSignal>();
    channel.onmessage = onChange;
    return invoke<void>("watch_changes", { onChange: channel });
  },
};
