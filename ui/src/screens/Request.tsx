import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { Action, CommandError, RequestView } from "../bindings";
import { useDesk } from "../context";
import { api, asCommandError } from "../lib/api";
import { formatInstant } from "../lib/jalali";
import { ErrorAlert, useErrorText } from "../components/errors";
import { SlipDialog } from "../components/SlipDialog";
import { Notifications } from "../components/Notifications";
import { RequestFiles } from "./RequestFiles";
import { RequestCopy } from "./RequestCopy";

export function RequestScreen({ code }: { code: string }) {
  const { m, go, session } = useDesk();
  const text = useErrorText();
  const [printing, setPrinting] = useState(false);
  const queries = useQueryClient();
  const query = useQuery({
    queryKey: ["request", code],
    queryFn: () => api.requestByCode(code),
  });
  const [action, setAction] = useState<Action | null>(null);
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<CommandError | null>(null);
  const [pageError, setPageError] = useState<CommandError | null>(null);
  // The step just done, worded when shown: switching the language rewords it too.
  const [done, setDone] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);

  const view = query.data;
  // Whether the chosen step asks for a reason: the core says so with each action.
  const needsNote = view?.actions.find((a) => a.action === action)?.needs_note ?? false;

  const refreshWith = (fresh: RequestView) => {
    queries.setQueryData(["request", code], fresh);
    void queries.invalidateQueries({ queryKey: ["queue"] });
  };

  const perform = (e?: FormEvent) => {
    e?.preventDefault();
    if (!view || !action || busy) return;
    setBusy(true);
    setNoteError(null);
    api
      .act(view.tracking_code, action, note.trim() ? note : null, view.version)
      .then((fresh) => {
        refreshWith(fresh);
        setDone(action);
        setPageError(null);
        setAction(null);
        setNote("");
      })
      .catch((caught: unknown) => {
        const error = asCommandError(caught);
        if (error.field === "note") {
          setNoteError(error);
          return;
        }
        // A conflict or a refusal: close the dialog, say why, and show the request as it is now.
        setAction(null);
        setDone(null);
        setPageError(error);
        void query.refetch();
      })
      .finally(() => setBusy(false));
  };

  if (query.isPending) return <Loader />;
  if (query.error) {
    return (
      <Alert color="red" data-testid="request-error">
        {text(asCommandError(query.error))}
      </Alert>
    );
  }
  if (!view) return null;

  return (
    <Stack data-testid="request-page" data-code={view.tracking_code} data-status={view.status}>
      <Group justify="space-between">
        <Group>
          <Title order={3}>
            {m.t("ui-request-title")}{" "}
            <span className="code" data-testid="request-code">
              {m.digits(view.tracking_code_grouped)}
            </span>
          </Title>
          <Badge size="lg" color={view.overdue ? "red" : "teal"} data-testid="request-status">
            {m.spelled("status", view.status)}
          </Badge>
          {view.overdue && <Badge color="red">{m.t("ui-overdue")}</Badge>}
        </Group>
        <Button variant="subtle" onClick={() => go({ name: "queue" })}>
          {m.t("ui-back")}
        </Button>
      </Group>
      {done && (
        <Alert color="teal" data-testid="action-done">
          {m.t("ui-action-done", { action: done })}
        </Alert>
      )}
      {pageError && (
        <Alert color="orange" role="alert" data-testid="action-error">
          {text(pageError)}
          {pageError.code === "conflict" && <Text size="sm">{m.t("ui-conflict-refreshed")}</Text>}
        </Alert>
      )}
      {/* The steps first, under the title: at 1366×768 they (and «چاپ رسید» after dispatch) are
          on screen without scrolling, however long the request's details are. */}
      <Paper p="sm" withBorder data-testid="request-actions">
        <Group gap="sm" align="center">
          <Text fw={600}>{m.t("ui-actions")}</Text>
          {view.actions.length === 0 && !view.can_print_slip && (
            <Text c="dimmed">{m.t("ui-no-actions")}</Text>
          )}
          {view.actions.length > 0 && (
            <Group data-testid="actions" gap="xs">
              {view.actions.map(({ action: a }, i) => (
                <Button
                  key={a}
                  data-action={a}
                  data-first-field={i === 0 ? "" : undefined}
                  color={
                    a === "reject" || a === "cancel" ? "red" : a === "send_back" ? "orange" : "teal"
                  }
                  variant={a === "cancel" ? "outline" : "filled"}
                  onClick={() => {
                    setAction(a);
                    setNote("");
                    setNoteError(null);
                  }}
                >
                  {m.spelled("action", a)}
                </Button>
              ))}
            </Group>
          )}
          {view.can_print_slip && (
            <Button
              variant="outline"
              onClick={() => setPrinting(true)}
              data-testid="print-slip"
              data-first-field={view.actions.length === 0 ? "" : undefined}
            >
              {m.t("ui-slip-print")}
            </Button>
          )}
        </Group>
      </Paper>
      <div className="two-columns">
        <Paper p="md" withBorder className="request-details">
          <dl className="details">
            <dt>{m.t("ui-label-requesting-org")}</dt>
            <dd>
              <bdi>{view.requesting_org.name}</bdi>
            </dd>
            {view.destination_org && (
              <>
                <dt>{m.t("ui-label-destination")}</dt>
                <dd>
                  <bdi>{view.destination_org.name}</bdi>
                </dd>
              </>
            )}
            <dt>{m.t("ui-label-documents")}</dt>
            <dd>
              {view.documents.map((d) => (
                <div key={d.id}>
                  <bdi className="nowrap">{m.digits(d.registry_number)}</bdi> — <bdi>{d.title}</bdi>
                  {d.property_plate && (
                    <>
                      {" "}
                      (<bdi className="nowrap">{m.digits(d.property_plate)}</bdi>)
                    </>
                  )}
                </div>
              ))}
            </dd>
            <dt>{m.t("ui-label-mode")}</dt>
            <dd>{m.spelled("mode", view.dispatch_mode)}</dd>
            {view.return_due && (
              <>
                <dt>{m.t("ui-label-return-due")}</dt>
                <dd>{m.digits(view.return_due)}</dd>
              </>
            )}
            <dt>{m.t("ui-label-applicant")}</dt>
            <dd className="applicant-line">
              {/* Each part isolated and kept whole: a Persian name beside Latin digits in an
                  English page must not swap places or push the mobile to the next line. */}
              <bdi data-testid="applicant-name">{view.applicant.name}</bdi>
              <span aria-hidden="true"> — </span>
              <span className="code">{m.digits(view.applicant.national_code)}</span>
              <span aria-hidden="true"> — </span>
              <span className="code">{m.digits(view.applicant.mobile)}</span>
            </dd>
            <dt>{m.t("ui-label-letter")}</dt>
            <dd>
              <LetterLine number={view.letter.number} date={view.letter.date} />
            </dd>
            <dt>{m.t("ui-label-purpose")}</dt>
            <dd dir="auto" className="preserve-lines">
              {view.purpose}
            </dd>
            <dt>{m.t("ui-label-priority")}</dt>
            <dd>{m.spelled("priority", view.priority)}</dd>
            <dt>{m.t("ui-label-created")}</dt>
            <dd>{m.digits(formatInstant(view.created_at))}</dd>
            {view.deadline_at && (
              <>
                <dt>{m.t("ui-label-deadline")}</dt>
                <dd>{m.digits(formatInstant(view.deadline_at))}</dd>
              </>
            )}
          </dl>
          {printing && <SlipDialog code={view.tracking_code} onClose={() => setPrinting(false)} />}
        </Paper>
        <Paper p="md" withBorder className="request-timeline">
          <Title order={5} mb="sm">
            {m.t("ui-timeline")}
          </Title>
          <Timeline
            active={view.history.length}
            bulletSize={14}
            lineWidth={2}
            data-testid="timeline"
          >
            {view.history.map((h, i) => (
              <Timeline.Item
                key={i}
                title={
                  h.action === "register"
                    ? m.t("ui-history-registered")
                    : m.spelled("action", h.action)
                }
              >
                <Text size="sm">
                  {h.from ? `${m.spelled("status", h.from)} ${m.lang === "fa" ? "←" : "→"} ` : ""}
                  {m.spelled("status", h.to)}
                </Text>
                <Text size="xs" c="dimmed">
                  {m.digits(h.at_jalali)} —{" "}
                  {h.acting_for
                    ? m.t("ui-history-by-acting", {
                        user: `\u2068${h.user_name}\u2069`,
                        role: h.role,
                        name: `\u2068${h.acting_for}\u2069`,
                      })
                    : m.t("ui-history-by", { user: `\u2068${h.user_name}\u2069`, role: h.role })}
                </Text>
                {h.note && (
                  <Text size="sm" fs="italic" dir="auto" className="preserve-lines">
                    {h.note}
                  </Text>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        </Paper>
        <RequestFiles code={view.tracking_code} />
        {view.dispatch_mode === "electronic_copy" && session.permissions.reads_certified_copies && (
          <RequestCopy code={view.tracking_code} />
        )}
        <Notifications
          queryKey={["request-notifications", view.tracking_code]}
          load={() => api.requestNotifications(view.tracking_code)}
        />
      </div>
      <Modal
        opened={action !== null}
        onClose={() => setAction(null)}
        title={action ? m.spelled("action", action) : ""}
      >
        <form onSubmit={perform} noValidate data-testid="action-dialog">
          <Stack>
            <ErrorAlert error={noteError && !noteError.field ? noteError : null} />
            <Textarea
              name="note"
              label={m.t("ui-note")}
              description={needsNote ? m.t("ui-note-required") : undefined}
              withAsterisk={needsNote}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={noteError ? text(noteError) : undefined}
              rows={3}
              resize="vertical"
              dir="auto"
              data-autofocus
              onKeyDown={(e) => {
                if (e.key === "Enter" && e.ctrlKey) perform();
              }}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAction(null)}>
                {m.t("ui-dismiss")}
              </Button>
              <Button type="submit" loading={busy} data-testid="confirm-action">
                {m.t("ui-confirm")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}

/** «شمارهٔ ۱۲۳/ص/۴۵ به تاریخ …»: the number exactly as stored (no digit change: it is another
 * office's identifier), isolated and unbroken, inside the sentence of the UI's language. */
function LetterLine({ number, date }: { number: string; date: string }) {
  const { m } = useDesk();
  const SLOT = "\u0001";
  const [before, after = ""] = m.t("ui-letter-line", { number: SLOT, date }).split(SLOT);
  return (
    <>
      {before}
      <bdi className="nowrap" data-testid="letter-number">
        {number}
      </bdi>
      {after}
    </>
  );
}
