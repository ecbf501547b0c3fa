import { Alert, Button, Group, Paper, Table, TextInput, Title } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { AuditQuery, AuditReport, CommandError } from "../bindings";
import { useDesk } from "../context";
import { api, asCommandError } from "../lib/api";
import { JalaliDateInput } from "../components/JalaliDateInput";
import { ErrorAlert, fieldErrors, splitError, useErrorText } from "../components/errors";
import { AuditReportText } from "./admin/Backup";
import { AuditDetail } from "../components/AuditDetail";

const PAGE = 100;

const EMPTY: AuditQuery = {
  user: null,
  action: null,
  request: null,
  from: null,
  to: null,
  before: null,
  limit: PAGE,
};

const orNull = (s: string) => (s.trim() ? s : null);

/** The auditor's view of the audit log: filters by user, action, request and Jalali dates. */
export function AuditLogScreen() {
  const { m } = useDesk();
  const text = useErrorText();
  const [form, setForm] = useState({ user: "", action: "", request: "", from: "", to: "" });
  const [query, setQuery] = useState<AuditQuery>(EMPTY);
  const [errors, setErrors] = useState<Record<string, CommandError>>({});
  const [report, setReport] = useState<AuditReport | null>(null);
  const [verifyError, setVerifyError] = useState<CommandError | null>(null);

  const log = useInfiniteQuery({
    queryKey: ["audit", query],
    queryFn: ({ pageParam }) => api.auditLog({ ...query, before: pageParam }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => (last.length === PAGE ? last[last.length - 1].seq : undefined),
  });
  const entries = log.data?.pages.flat() ?? [];
  const failure = log.error ? asCommandError(log.error) : null;
  const split = failure ? splitError(failure) : { field: {}, form: null };
  const err = fieldErrors({ ...split.field, ...errors }, text);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setQuery({
      ...EMPTY,
      user: orNull(form.user),
      action: orNull(form.action),
      request: orNull(form.request),
      from: orNull(form.from),
      to: orNull(form.to),
    });
  };
  const set = (key: keyof typeof form) => (value: string) =>
    setForm((f) => ({ ...f, [key]: value }));

  return (
    <Paper p="md" withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={3}>{m.t("ui-audit-title")}</Title>
        <Group>
          {report && <AuditReportText report={report} />}
          <Button
            variant="light"
            onClick={() =>
              api
                .verifyAudit()
                .then(setReport)
                .catch((caught: unknown) => setVerifyError(asCommandError(caught)))
            }
            data-testid="verify-audit"
          >
            {m.t("ui-audit-verify")}
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={verifyError} />
      <form onSubmit={submit} noValidate data-testid="audit-filters">
        <div className="form-grid">
          <TextInput
            name="user"
            label={m.t("ui-audit-user")}
            dir="ltr"
            value={form.user}
            onChange={(e) => set("user")(e.currentTarget.value)}
            error={err("user")}
          />
          <TextInput
            name="action"
            label={m.t("ui-audit-action")}
            description={m.t("ui-audit-action-hint")}
            dir="ltr"
            value={form.action}
            onChange={(e) => set("action")(e.currentTarget.value)}
            error={err("action")}
          />
          <TextInput
            name="request"
            label={m.t("ui-audit-request")}
            dir="ltr"
            value={form.request}
            onChange={(e) => set("request")(e.currentTarget.value)}
            error={err("request")}
          />
          <JalaliDateInput
            name="from"
            label={m.t("ui-filter-from")}
            value={form.from}
            onChange={set("from")}
            error={err("from")}
          />
          <JalaliDateInput
            name="to"
            label={m.t("ui-filter-to")}
            value={form.to}
            onChange={set("to")}
            error={err("to")}
          />
        </div>
        <Button type="submit" mt="sm" data-testid="audit-search">
          {m.t("ui-search-run")}
        </Button>
      </form>
      {split.form && <ErrorAlert error={split.form} />}
      {log.isSuccess && entries.length === 0 && (
        <Alert mt="md" color="gray">
          {m.t("ui-audit-empty")}
        </Alert>
      )}
      {entries.length > 0 && (
        <Table mt="md" striped data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{m.t("ui-audit-seq")}</Table.Th>
              <Table.Th>{m.t("ui-audit-at")}</Table.Th>
              <Table.Th>{m.t("ui-audit-user")}</Table.Th>
              <Table.Th>{m.t("ui-audit-action")}</Table.Th>
              <Table.Th>{m.t("ui-audit-detail")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => (
              <Table.Tr key={entry.seq}>
                <Table.Td>{m.digits(entry.seq)}</Table.Td>
                <Table.Td>{m.digits(entry.at_jalali)}</Table.Td>
                <Table.Td dir="ltr">{entry.user ?? "—"}</Table.Td>
                <Table.Td>{m.auditAction(entry.action)}</Table.Td>
                <Table.Td className="audit-detail">
                  <AuditDetail detail={entry.detail} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {log.hasNextPage && (
        <Button variant="light" mt="sm" onClick={() => log.fetchNextPage()}>
          {m.t("ui-more")}
        </Button>
      )}
    </Paper>
  );
}
