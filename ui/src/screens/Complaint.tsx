import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { CommandError, ComplaintAction, ComplaintDecision, ComplaintView } from "../bindings";
import { useDesk } from "../context";
import { api, asCommandError } from "../lib/api";
import { isolateLtr } from "../lib/digits";
import { formatInstant } from "../lib/jalali";
import { ErrorAlert, useErrorText } from "../components/errors";
import { Notifications } from "../components/Notifications";

/** People's names in Persian alphabetical order (ک before م, which code points get wrong). */
const byName = new Intl.Collator("fa");

/** One complaint, suggestion or comment: details, the steps this user may take, its history. */
export function ComplaintScreen({ code }: { code: string }) {
  const { m } = useDesk();
  const text = useErrorText();
  const queries = useQueryClient();
  const query = useQuery({
    queryKey: ["complaint", code],
    queryFn: () => api.complaintByCode(code),
  });
  const [action, setAction] = useState<ComplaintAction | null>(null);
  const [value, setValue] = useState("");
  const [error, setError] = useState<CommandError | null>(null);
  const [busy, setBusy] = useState(false);
  const view = query.data;
  const assignees = useQuery({
    queryKey: ["assignees"],
    queryFn: api.complaintAssignees,
    enabled: action === "assign",
  });

  const perform = (e: FormEvent) => {
    e.preventDefault();
    if (!view || !action) return;
    setBusy(true);
    setError(null);
    // The dialog's one field is what the chosen step needs.
    const step: ComplaintDecision =
      action === "assign"
        ? { action, to: value }
        : action === "answer"
          ? { action, text: value }
          : { action, note: value.trim() ? value : null };
    api
      .complaintStep(view.tracking_code, step, view.version)
      .then((fresh: ComplaintView) => {
        queries.setQueryData(["complaint", code], fresh);
        void queries.invalidateQueries({ queryKey: ["complaints"] });
        setAction(null);
      })
      .catch((caught: unknown) => {
        const failure = asCommandError(caught);
        setError(failure);
        if (failure.code === "conflict") void query.refetch();
      })
      .finally(() => setBusy(false));
  };

  if (query.isPending) return <Loader />;
  if (query.error) return <Alert color="red">{text(asCommandError(query.error))}</Alert>;
  if (!view) return null;
  return (
    <Stack data-testid="complaint-page" data-code={view.tracking_code} data-status={view.status}>
      <Group justify="space-between">
        <Title order={3}>
          {m.spelled("kind", view.kind)}{" "}
          <span className="code">{m.digits(view.tracking_code_grouped)}</span>
        </Title>
        <Badge size="lg" color={view.overdue ? "red" : "teal"}>
          {m.spelled("status", view.status)}
        </Badge>
      </Group>
      <Paper p="md" withBorder>
        <dl className="details">
          <dt>{m.t("ui-complaint-person")}</dt>
          <dd>
            <bdi>{view.name}</bdi>
          </dd>
          <dt>{m.t("ui-complaint-contact")}</dt>
          <dd>
            {isolateLtr(
              [view.mobile && m.digits(view.mobile), view.email].filter(Boolean).join(" · ") || "—",
            )}
          </dd>
          {view.request_code && (
            <>
              <dt>{m.t("ui-complaint-request")}</dt>
              <dd>
                <span className="code">
                  {m.digits(view.request_code_grouped ?? view.request_code)}
                </span>
              </dd>
            </>
          )}
          <dt>{m.t("ui-complaint-text")}</dt>
          <dd className="preserve-lines" dir="auto">
            {view.text}
          </dd>
          {view.assigned_to && (
            <>
              <dt>{m.t("ui-complaint-assignee")}</dt>
              <dd data-testid="complaint-assignee">
                <bdi>{view.assigned_to_name}</bdi>
              </dd>
            </>
          )}
          {view.answer && (
            <>
              <dt>{m.t("ui-complaint-answer")}</dt>
              <dd className="preserve-lines" dir="auto" data-testid="complaint-answer">
                {view.answer}
              </dd>
            </>
          )}
          {view.deadline_at && (
            <>
              <dt>{m.t("ui-label-deadline")}</dt>
              <dd>{m.digits(formatInstant(view.deadline_at))}</dd>
            </>
          )}
        </dl>
        <Group mt="md" data-testid="complaint-actions">
          {view.available_actions.map((a) => (
            <Button
              key={a}
              data-action={a}
              onClick={() => {
                setAction(a);
                setValue("");
                setError(null);
              }}
            >
              {m.spelled("action", a)}
            </Button>
          ))}
        </Group>
      </Paper>
      <Paper p="md" withBorder>
        <Title order={5} mb="sm">
          {m.t("ui-timeline")}
        </Title>
        <Timeline active={view.history.length} bulletSize={14}>
          {view.history.map((h, i) => (
            <Timeline.Item key={i} title={m.spelled("status", h.to)}>
              <Text size="xs" c="dimmed">
                {m.digits(h.at_jalali)} —{" "}
                {m.t("ui-history-by", { user: h.user_name, role: h.role })}
              </Text>
              {h.note && <Text size="sm">{h.note}</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      </Paper>
      <Notifications
        queryKey={["complaint-notifications", code]}
        load={() => api.complaintNotifications(code)}
      />
      <Modal
        opened={action !== null}
        onClose={() => setAction(null)}
        title={action ? m.spelled("action", action) : ""}
      >
        <form onSubmit={perform} noValidate data-testid="complaint-dialog">
          <Stack>
            <ErrorAlert error={error} />
            {action === "assign" && (
              <Select
                name="assignee"
                label={m.t("ui-complaint-assignee")}
                description={m.t("ui-complaint-assignee-hint")}
                searchable
                nothingFoundMessage={m.t("ui-nothing-found")}
                data={[...(assignees.data ?? [])]
                  .sort((a, b) => byName.compare(a.display_name, b.display_name))
                  .map((a) => ({
                    value: a.username,
                    label: `${a.display_name} (${m.spelled("role", a.role)})`,
                  }))}
                value={value || null}
                onChange={(v) => setValue(v ?? "")}
                error={assignees.error ? text(asCommandError(assignees.error)) : undefined}
                data-testid="assignee-picker"
                autoFocus
              />
            )}
            {action !== "assign" && (
              <Textarea
                name="value"
                label={m.t(action === "answer" ? "ui-complaint-answer" : "ui-note-optional")}
                rows={3}
                resize="vertical"
                dir="auto"
                value={value}
                onChange={(e) => setValue(e.currentTarget.value)}
                autoFocus
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAction(null)}>
                {m.t("ui-cancel")}
              </Button>
              <Button type="submit" loading={busy} data-testid="complaint-confirm">
                {action ? m.spelled("action", action) : ""}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
