// The new-request form's state: what the clerk typed, kept as typed (never lost on an error or a
// conflict, and kept as a draft across screens), turned into the core's NewRequest on submit.

import type { CommandError, DispatchMode, NewRequest, Priority } from "../bindings";
import { toAsciiDigits } from "./digits";

export interface PickedOrg {
  id: string;
  name: string;
}

export interface PickedDoc {
  id: string;
  label: string;
}

export interface RequestDraft {
  requestingOrg: PickedOrg | null;
  destinationOrg: PickedOrg | null;
  documents: PickedDoc[];
  dispatchMode: DispatchMode;
  returnDue: string;
  applicantName: string;
  nationalCode: string;
  mobile: string;
  email: string;
  letterNumber: string;
  letterDate: string;
  purpose: string;
  priority: Priority;
  /**
   * Made once per draft and sent with every attempt to register it: when an answer is lost (the
   * connection broke at the commit) the retry gets the request registered the first time.
   */
  idempotencyKey: string;
}

export const EMPTY_DRAFT: RequestDraft = {
  requestingOrg: null,
  destinationOrg: null,
  documents: [],
  dispatchMode: "electronic_copy",
  returnDue: "",
  applicantName: "",
  nationalCode: "",
  mobile: "",
  email: "",
  letterNumber: "",
  letterDate: "",
  purpose: "",
  priority: "normal",
  idempotencyKey: "",
};

/** The core's field names (error `field`) for each form field. */
export const CORE_FIELD: Record<keyof RequestDraft, string> = {
  requestingOrg: "requesting_org",
  destinationOrg: "destination_org",
  documents: "documents",
  dispatchMode: "dispatch_mode",
  returnDue: "return_due",
  applicantName: "applicant.name",
  nationalCode: "applicant.national_code",
  mobile: "applicant.mobile",
  email: "applicant.email",
  letterNumber: "letter.number",
  letterDate: "letter.date",
  purpose: "purpose",
  priority: "priority",
  idempotencyKey: "idempotency_key",
};

export interface FormState {
  draft: RequestDraft;
  /** Errors by the core's field name. */
  errors: Record<string, CommandError>;
}

export type FormEvent =
  | { type: "set"; field: keyof RequestDraft; value: RequestDraft[keyof RequestDraft] }
  | { type: "error"; error: CommandError }
  | { type: "clear-errors" }
  | { type: "clear-error"; field: string }
  | { type: "reset" };

export function reduce(state: FormState, event: FormEvent): FormState {
  switch (event.type) {
    case "set": {
      const errors = { ...state.errors };
      delete errors[CORE_FIELD[event.field]];
      const draft = { ...state.draft, [event.field]: event.value };
      // The return date belongs to originals only; keep it typed but do not send it otherwise.
      return { draft, errors };
    }
    case "error": {
      // The core reports every bad field of the submit at once: mark them all.
      const { error } = event;
      if (!error.field) return state;
      const errors = { ...state.errors, [error.field]: error };
      for (const f of error.fields ?? []) {
        if (f.field !== error.field) {
          errors[f.field] = { ...error, field: f.field, messageId: f.messageId, args: f.args };
        }
      }
      return { ...state, errors };
    }
    case "clear-errors":
      return { ...state, errors: {} };
    case "clear-error": {
      // A field left with a value the core accepts (checked as it was left).
      const errors = { ...state.errors };
      delete errors[event.field];
      return { ...state, errors };
    }
    case "reset":
      return { draft: EMPTY_DRAFT, errors: {} };
  }
}

/** What the core receives. Text goes as typed; the core validates and normalizes it. */
export function toNewRequest(draft: RequestDraft): NewRequest {
  return {
    requesting_org: draft.requestingOrg?.id ?? "",
    destination_org: draft.destinationOrg?.id ?? null,
    documents: draft.documents.map((d) => d.id),
    dispatch_mode: draft.dispatchMode,
    return_due: draft.dispatchMode === "original" ? toAsciiDigits(draft.returnDue) : null,
    applicant: {
      name: draft.applicantName,
      national_code: toAsciiDigits(draft.nationalCode),
      mobile: toAsciiDigits(draft.mobile),
      email: draft.email.trim() ? draft.email.trim() : null,
    },
    letter: { number: draft.letterNumber, date: toAsciiDigits(draft.letterDate) },
    purpose: draft.purpose,
    priority: draft.priority,
    ...(draft.idempotencyKey ? { idempotency_key: draft.idempotencyKey } : {}),
  };
}

/** A draft read back from storage; anything malformed gives the empty form. */
export function restoreDraft(text: string | null): RequestDraft {
  if (!text) return EMPTY_DRAFT;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null) return EMPTY_DRAFT;
    const merged = { ...EMPTY_DRAFT, ...(value as Partial<RequestDraft>) };
    return Array.isArray(merged.documents) ? merged : EMPTY_DRAFT;
  } catch {
    return EMPTY_DRAFT;
  }
}

export function isEmpty(draft: RequestDraft): boolean {
  return JSON.stringify({ ...draft, idempotencyKey: "" }) === JSON.stringify(EMPTY_DRAFT);
}
