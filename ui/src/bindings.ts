// Generated from the Rust types by src-tauri/src/bindings.rs (ts-rs). Do not edit:
// run `SANAD_UPDATE_BINDINGS=1 cargo test -p sanad-desk bindings` after changing them.

export type Role = "clerk" | "reviewer" | "director" | "ministry" | "auditor" | "admin";

export type Status = "submitted" | "under_review" | "correction" | "awaiting_director" | "awaiting_ministry" | "approved" | "rejected" | "dispatched" | "delivered" | "returned_to_repository" | "closed" | "cancelled";

export type Action = "start_review" | "send_back" | "resubmit" | "forward" | "approve" | "reject" | "dispatch" | "confirm_delivery" | "receive_back" | "close" | "cancel";

export type DispatchMode = "electronic_copy" | "certified_paper_copy" | "original";

export type Priority = "normal" | "urgent";

export type OrgKind = "agency" | "ministry" | "third_party";

export type User = { id: string, username: string, display_name: string, role: Role, active: boolean, must_change_password: boolean, };

export type NewUser = { username: string, display_name: string, role: string, password: string, };

export type Organization = { id: string, name: string, kind: OrgKind, national_id: string | null, };

export type NewOrganization = { name: string, kind: string, national_id: string | null, };

export type Document = { id: string, registry_number: string, title: string, property_plate: string | null, location: string | null, in_repository: boolean, };

export type NewDocument = { registry_number: string, title: string, property_plate: string | null, location: string | null, };

export type Applicant = { name: string, national_code: string, mobile: string, };

export type Letter = { number: string, date: string, };

export type NewRequest = { requesting_org: string, destination_org: string | null, documents: Array<string>, dispatch_mode: string, return_due: string | null, applicant: Applicant, letter: Letter, purpose: string, priority: string, 
/**
 * The desk's key for this registration (one per draft): when the answer to a registration
 * was lost, sending it again with the same key returns the request registered the first
 * time instead of registering a second one. 8–100 of `A–Z a–z 0–9 - _`.
 */
idempotency_key?: string, };

export type HistoryEntry = { action: string, from: Status | null, to: Status, user: string, role: Role, 
/**
 * RFC 3339, UTC.
 */
at: string, 
/**
 * The same instant in Asia/Tehran on the Jalali calendar, `1404/10/30 14:05`.
 */
at_jalali: string, note: string | null, };

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
 * What the asking user's role may do now.
 */
available_actions: Array<Action>, history: Array<HistoryEntry>, };

export type RequestSummary = { id: string, tracking_code: string, status: Status, version: number, priority: Priority, dispatch_mode: DispatchMode, requesting_org_id: string, requesting_org_name: string, applicant_name: string, letter_number: string, created_at: string, 
/**
 * When it entered its current state.
 */
status_since: string, deadline_at: string | null, overdue: boolean, };

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
 * The desk returns to the sign-in screen after this many minutes without input (policy).
 */
idle_minutes: number, };

export type AppStatus = { 
/**
 * The embedded database's file, or `PostgreSQL`.
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

export type CommandError = { 
/**
 * Stable machine code: `invalid_input`, `not_permitted`, `authentication_failed`,
 * `conflict`, `not_found`, `storage`, or `not_signed_in`.
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
field?: string, };
