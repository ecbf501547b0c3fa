import { describe, expect, it } from "vitest";
import type { CommandError } from "../bindings";
import {
  EMPTY_DRAFT,
  isEmpty,
  reduce,
  restoreDraft,
  toNewRequest,
  type FormState,
} from "./requestForm";

const nationalCodeError: CommandError = {
  code: "invalid_input",
  messageId: "error-national-code-invalid",
  args: {},
  field: "applicant.national_code",
};

describe("new-request form state", () => {
  const typed: FormState = {
    draft: {
      ...EMPTY_DRAFT,
      requestingOrg: { id: "org-1", name: "اداره" },
      documents: [{ id: "doc-1", label: "۵۵۰۱" }],
      applicantName: "علی رضایی",
      nationalCode: "۰۴۹۹۳۷۰۸۹۸",
      mobile: "۰۹۱۲۱۲۳۴۵۶۷",
      letterNumber: "۱۲۳/ص/۴۵",
      letterDate: "۱۴۰۴/۰۸/۰۱",
      purpose: "ارائه به دادگاه",
    },
    errors: {},
  };

  it("keeps everything typed when the core reports a field error", () => {
    const after = reduce(typed, { type: "error", error: nationalCodeError });
    expect(after.draft).toEqual(typed.draft);
    expect(after.errors["applicant.national_code"]).toEqual(nationalCodeError);
  });

  it("marks every field the core reports, not only the first", () => {
    const all: CommandError = {
      ...nationalCodeError,
      fields: [
        { field: "applicant.national_code", messageId: "error-national-code-invalid", args: {} },
        { field: "applicant.email", messageId: "error-email-format", args: {} },
        { field: "letter.date", messageId: "error-date-no-such-day", args: { day: "31" } },
      ],
    };
    const after = reduce(typed, { type: "error", error: all });
    expect(Object.keys(after.errors).sort()).toEqual([
      "applicant.email",
      "applicant.national_code",
      "letter.date",
    ]);
    expect(after.errors["letter.date"].messageId).toBe("error-date-no-such-day");
    expect(after.errors["letter.date"].args).toEqual({ day: "31" });
  });

  it("clears a field's error when that field is edited, and only that one", () => {
    let state = reduce(typed, { type: "error", error: nationalCodeError });
    state = reduce(state, {
      type: "error",
      error: { ...nationalCodeError, field: "applicant.mobile", messageId: "error-mobile-format" },
    });
    state = reduce(state, { type: "set", field: "nationalCode", value: "0499370899" });
    expect(state.errors["applicant.national_code"]).toBeUndefined();
    expect(state.errors["applicant.mobile"]).toBeDefined();
  });

  it("sends ASCII digits and the return date only for originals", () => {
    const request = toNewRequest({ ...typed.draft, returnDue: "۱۴۰۵/۰۱/۱۵" });
    expect(request.applicant.national_code).toBe("0499370898");
    expect(request.applicant.mobile).toBe("09121234567");
    expect(request.letter.date).toBe("1404/08/01");
    expect(request.letter.number).toBe("۱۲۳/ص/۴۵");
    expect(request.return_due).toBeNull();
    const original = toNewRequest({
      ...typed.draft,
      dispatchMode: "original",
      returnDue: "۱۴۰۵/۰۱/۱۵",
    });
    expect(original.return_due).toBe("1405/01/15");
    expect(original.documents).toEqual(["doc-1"]);
    expect(original.requesting_org).toBe("org-1");
  });

  it("restores a saved draft and survives a corrupt one", () => {
    expect(restoreDraft(JSON.stringify(typed.draft))).toEqual(typed.draft);
    expect(restoreDraft("{not json")).toEqual(EMPTY_DRAFT);
    expect(restoreDraft(null)).toEqual(EMPTY_DRAFT);
    expect(restoreDraft('{"documents": 3}')).toEqual(EMPTY_DRAFT);
  });

  it("resets to the empty form after a registration", () => {
    expect(reduce(typed, { type: "reset" })).toEqual({ draft: EMPTY_DRAFT, errors: {} });
  });

  it("sends the draft's idempotency key, and an empty draft with only a key is still empty", () => {
    const keyed = { ...EMPTY_DRAFT, idempotencyKey: "0193a7c2-aaaa-7000-8000-000000000001" };
    expect(toNewRequest(keyed).idempotency_key).toBe("0193a7c2-aaaa-7000-8000-000000000001");
    expect(toNewRequest(EMPTY_DRAFT).idempotency_key).toBeUndefined();
    expect(isEmpty(keyed)).toBe(true);
  });

  it("clears one field's error when the core accepts it as the field is left", () => {
    const bad: CommandError = {
      code: "invalid_input",
      field: "applicant.national_code",
      messageId: "error-national-code-invalid",
      args: {},
      fields: [
        { field: "applicant.national_code", messageId: "error-national-code-invalid", args: {} },
        { field: "applicant.email", messageId: "error-email-format", args: {} },
      ],
    };
    const marked = reduce({ draft: EMPTY_DRAFT, errors: {} }, { type: "error", error: bad });
    const left = reduce(marked, { type: "clear-error", field: "applicant.national_code" });
    expect(Object.keys(left.errors)).toEqual(["applicant.email"]);
  });
});
