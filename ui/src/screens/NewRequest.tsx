import { Alert, Button, Group, Kbd, Paper, Text, TextInput, Textarea, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useReducer, useRef, useState, type FormEvent } from "react";
import type { CommandError, DispatchMode, OrgKind, RequestView } from "../bindings";
import { useDesk } from "../context";
import { api, asCommandError } from "../lib/api";
import { options, useVocabulary } from "../lib/vocabulary";
import {
  EMPTY_DRAFT,
  reduce,
  restoreDraft,
  toNewRequest,
  type RequestDraft,
} from "../lib/requestForm";
import { ErrorAlert, fieldErrors, useErrorText } from "../components/errors";
import { JalaliDateInput } from "../components/JalaliDateInput";
import { DocPicker, OrgPicker } from "../components/Pickers";
import { Choice } from "../components/Choice";
import { focusFirstField } from "../lib/focus";
import { ReceiptDialog } from "../components/ReceiptDialog";

export function NewRequestScreen() {
  const { m, session, go } = useDesk();
  const vocabulary = useVocabulary();
  const text = useErrorText();
  const queries = useQueryClient();
  const draftKey = `sanad.draft.${session.username}`;
  const [state, dispatch] = useReducer(reduce, null, () => ({
    draft: restoreDraft(localStorage.getItem(draftKey)),
    errors: {},
  }));
  const [formError, setFormError] = useState<CommandError | null>(null);
  const [done, setDone] = useState<RequestView | null>(null);
  // The receipt dialog of the registration just made, while it carries its PIN (shown once).
  const [receipt, setReceipt] = useState<RequestView | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const codeButton = useRef<HTMLButtonElement>(null);
  const { draft } = state;
  const err = fieldErrors(state.errors, text);

  // The draft survives errors, conflicts, switching screens and restarts until it is registered.
  useEffect(() => {
    localStorage.setItem(draftKey, JSON.stringify(draft));
  }, [draftKey, draft]);

  const set = <K extends keyof RequestDraft>(field: K, value: RequestDraft[K]) =>
    dispatch({ type: "set", field, value });

  // Checked by the core as the field is left (no rule here): its error at once, or none.
  const checkOnLeave = (field: string, value: string) => {
    if (!value.trim()) return;
    api
      .checkField(field, value)
      .then(() => dispatch({ type: "clear-error", field }))
      .catch((caught: unknown) => {
        const error = asCommandError(caught);
        if (error.field) dispatch({ type: "error", error });
      });
  };

  // Registered: focus on the new code (Enter opens it), «new request» the next Tab away — once
  // the receipt dialog has closed.
  useEffect(() => {
    if (done && !receipt) codeButton.current?.focus();
  }, [done, receipt]);

  const startAnother = () => {
    setDone(null);
    window.setTimeout(() => focusFirstField(formRef.current), 0);
  };

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    setBusy(true);
    setFormError(null);
    dispatch({ type: "clear-errors" });
    // One key per draft, kept with it: a resend after a lost answer registers nothing twice.
    const idempotencyKey = draft.idempotencyKey || crypto.randomUUID();
    if (!draft.idempotencyKey) set("idempotencyKey", idempotencyKey);
    api
      .registerRequest(toNewRequest({ ...draft, idempotencyKey }))
      .then((view) => {
        setDone(view);
        if (view.tracking_pin) setReceipt(view);
        dispatch({ type: "reset" });
        localStorage.removeItem(draftKey);
        void queries.invalidateQueries({ queryKey: ["queue"] });
      })
      .catch((caught: unknown) => {
        const error = asCommandError(caught);
        if (error.field) dispatch({ type: "error", error });
        else setFormError(error);
        if (error.field) {
          setFormError({ code: "invalid_input", messageId: "ui-form-has-errors", args: {} });
          window.setTimeout(() => {
            const el = document.querySelector<HTMLElement>(`[aria-invalid="true"]`);
            el?.focus();
          }, 0);
        }
      })
      .finally(() => setBusy(false));
  };

  return (
    <Paper p="md" withBorder>
      <form
        noValidate
        onSubmit={submit}
        data-testid="new-request"
        ref={formRef}
        onKeyDown={(e) => {
          // Taken here: a select under the focus must not also open its list on this Enter.
          if (e.key === "Enter" && e.ctrlKey) {
            e.preventDefault();
            e.stopPropagation();
            submit();
          }
        }}
      >
        <Title order={3} mb="sm">
          {m.t("ui-new-title")}
        </Title>
        {done && (
          <Alert color="teal" mb="sm" data-testid="registered">
            <Group gap="sm">
              <Text>{m.t("ui-registered")}</Text>
              <Button
                ref={codeButton}
                variant="white"
                size="xs"
                onClick={() => go({ name: "request", code: done.tracking_code })}
                data-testid="registered-code"
                data-code={done.tracking_code}
              >
                <span className="code">{m.digits(done.tracking_code_grouped)}</span>
              </Button>
              <Button variant="light" size="xs" onClick={startAnother} data-testid="new-another">
                {m.t("ui-new-another")}
              </Button>
              <Text size="xs" c="dimmed">
                {m.t("ui-new-another-hint")} <Kbd>Tab</Kbd>
              </Text>
            </Group>
          </Alert>
        )}
        {receipt?.tracking_pin && (
          <ReceiptDialog
            code={receipt.tracking_code}
            codeGrouped={receipt.tracking_code_grouped}
            pin={receipt.tracking_pin}
            onClose={() => setReceipt(null)}
          />
        )}
        <ErrorAlert error={formError} />
        {/* Three columns, rows always full: the Tab order is the reading order, right to left
            in Persian (left to right in English), row after row. */}
        <div className="form-grid">
          <OrgPicker
            name="requesting_org"
            label={m.t("ui-field-requesting-org")}
            value={draft.requestingOrg}
            onChange={(v) => set("requestingOrg", v)}
            error={err("requesting_org")}
            kinds={(vocabulary?.requesting_org_kinds ?? []).map((k) => k.value as OrgKind)}
            required
          />
          <OrgPicker
            name="destination_org"
            label={m.t("ui-field-destination-org")}
            value={draft.destinationOrg}
            onChange={(v) => set("destinationOrg", v)}
            error={err("destination_org")}
          />
          <Choice
            name="priority"
            label={m.t("ui-field-priority")}
            value={draft.priority}
            onChange={(v) => set("priority", v === "urgent" ? "urgent" : "normal")}
            data={[
              { value: "normal", label: m.spelled("priority", "normal") },
              { value: "urgent", label: m.spelled("priority", "urgent") },
            ]}
            error={err("priority")}
            testId="priority"
          />
          <div className="wide">
            <DocPicker
              name="documents"
              label={m.t("ui-field-documents")}
              value={draft.documents}
              onChange={(v) => set("documents", v)}
              error={err("documents")}
            />
          </div>
          <div className="span2">
            <Choice
              name="dispatch_mode"
              label={m.t("ui-field-dispatch-mode")}
              value={draft.dispatchMode}
              onChange={(v) => set("dispatchMode", v as DispatchMode)}
              data={options(vocabulary?.dispatch_modes, m)}
              error={err("dispatch_mode")}
              testId="dispatch-mode"
            />
          </div>
          {draft.dispatchMode === "original" ? (
            <JalaliDateInput
              name="return_due"
              label={m.t("ui-field-return-due")}
              value={draft.returnDue}
              onChange={(v) => set("returnDue", v)}
              error={err("return_due")}
              required
            />
          ) : (
            <div aria-hidden="true" />
          )}
          <TextInput
            name="applicant.name"
            label={m.t("ui-field-applicant-name")}
            value={draft.applicantName}
            onChange={(e) => set("applicantName", e.currentTarget.value)}
            error={err("applicant.name")}
            dir="auto"
            required
          />
          <TextInput
            name="applicant.national_code"
            label={m.t("ui-field-national-code")}
            value={m.digits(draft.nationalCode)}
            onChange={(e) => set("nationalCode", e.currentTarget.value)}
            onBlur={(e) => checkOnLeave("applicant.national_code", e.currentTarget.value)}
            error={err("applicant.national_code")}
            dir="ltr"
            inputMode="numeric"
            required
          />
          <TextInput
            name="applicant.mobile"
            label={m.t("ui-field-mobile")}
            value={m.digits(draft.mobile)}
            onChange={(e) => set("mobile", e.currentTarget.value)}
            onBlur={(e) => checkOnLeave("applicant.mobile", e.currentTarget.value)}
            error={err("applicant.mobile")}
            dir="ltr"
            inputMode="tel"
            required
          />
          <TextInput
            name="applicant.email"
            label={m.t("ui-field-applicant-email")}
            description={m.t("ui-field-applicant-email-hint")}
            value={draft.email}
            onChange={(e) => set("email", e.currentTarget.value)}
            onBlur={(e) => checkOnLeave("applicant.email", e.currentTarget.value)}
            error={err("applicant.email")}
            dir="ltr"
            inputMode="email"
          />
          <TextInput
            name="letter.number"
            label={m.t("ui-field-letter-number")}
            value={draft.letterNumber}
            onChange={(e) => set("letterNumber", e.currentTarget.value)}
            error={err("letter.number")}
            dir="auto"
            required
          />
          <JalaliDateInput
            name="letter.date"
            label={m.t("ui-field-letter-date")}
            value={draft.letterDate}
            onChange={(v) => set("letterDate", v)}
            onLeave={(v) => checkOnLeave("letter.date", v)}
            error={err("letter.date")}
            required
          />
          {/* Rows fixed by hand, not auto-sized: autosize measures in a hidden textarea left in
              <body> at the widest width seen, which made every page scroll sideways once the
              window was made narrower (issue 12, item 6). */}
          <Textarea
            className="wide"
            name="purpose"
            label={m.t("ui-field-purpose")}
            value={draft.purpose}
            onChange={(e) => set("purpose", e.currentTarget.value)}
            error={err("purpose")}
            dir="auto"
            rows={2}
            resize="vertical"
            required
          />
        </div>
        <Group mt="md">
          <Button type="submit" loading={busy} data-testid="submit-request">
            {m.t("ui-submit-request")}
          </Button>
          <Button
            variant="subtle"
            color="gray"
            onClick={() => {
              dispatch({ type: "reset" });
              setFormError(null);
            }}
            disabled={JSON.stringify(draft) === JSON.stringify(EMPTY_DRAFT)}
          >
            {m.t("ui-clear-form")}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
