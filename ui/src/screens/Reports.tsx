import { Alert, Button, Group, Paper, Select, Table, Text, TextInput, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type {
  Cell,
  CommandError,
  ExportFormat,
  FileWritten,
  Report,
  ReportKind,
} from "../bindings";
import { useDesk } from "../context";
import { api, asCommandError } from "../lib/api";
import { options, pick, useVocabulary } from "../lib/vocabulary";
import { isolateLtr } from "../lib/digits";
import { JalaliDateInput } from "../components/JalaliDateInput";
import { ErrorAlert, fieldErrors, splitError, useErrorText } from "../components/errors";

/** The service's quality at a glance: each report as a table with bars, exported to .xlsx or CSV. */
export function ReportsScreen() {
  const { m } = useDesk();
  const vocabulary = useVocabulary();
  const text = useErrorText();
  const [kind, setKind] = useState<ReportKind>("status_counts");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [period, setPeriod] = useState<{ from: string | null; to: string | null }>({
    from: null,
    to: null,
  });
  const report = useQuery({
    queryKey: ["report", kind, period],
    queryFn: () => api.report(kind, period),
  });
  const failure = report.error ? splitError(asCommandError(report.error)) : null;
  const err = fieldErrors(failure?.field ?? {}, text);
  return (
    <Paper p="md" withBorder>
      <Title order={3} mb="sm">
        {m.t("ui-reports-title")}
      </Title>
      <Group align="flex-end" mb="md">
        <Select
          label={m.t("ui-report-kind")}
          value={kind}
          allowDeselect={false}
          onChange={(v) => setKind(pick<ReportKind>(vocabulary?.report_kinds, v))}
          data={options(vocabulary?.report_kinds, m)}
          w={260}
          data-testid="report-kind"
        />
        <JalaliDateInput
          name="from"
          label={m.t("ui-filter-from")}
          value={from}
          onChange={setFrom}
          error={err("from")}
        />
        <JalaliDateInput
          name="to"
          label={m.t("ui-filter-to")}
          value={to}
          onChange={setTo}
          error={err("to")}
        />
        <Button
          onClick={() => setPeriod({ from: from.trim() || null, to: to.trim() || null })}
          data-testid="report-run"
        >
          {m.t("ui-report-run")}
        </Button>
      </Group>
      {failure?.form && <ErrorAlert error={failure.form} />}
      {report.data && <ReportTable report={report.data} />}
      {report.data && <ExportForm kind={kind} period={period} />}
    </Paper>
  );
}

function cellText(m: ReturnType<typeof useDesk>["m"], cell: Cell): string {
  if ("text" in cell) return m.digits(cell.text);
  if ("term" in cell) return m.t(cell.term);
  if ("int" in cell) return m.digits(cell.int);
  return m.digits(cell.number.toFixed(1));
}

function cellNumber(cell: Cell): number | null {
  if ("int" in cell) return cell.int;
  if ("number" in cell) return cell.number;
  return null;
}

/** The table, with a bar under the last number of each row, scaled to the largest. */
function ReportTable({ report }: { report: Report }) {
  const { m } = useDesk();
  if (report.rows.length === 0) return <Text c="dimmed">{m.t("ui-report-empty")}</Text>;
  const last = (row: Cell[]) => {
    for (let i = row.length - 1; i >= 0; i--) {
      const n = cellNumber(row[i]);
      if (n !== null) return n;
    }
    return 0;
  };
  const max = Math.max(1, ...report.rows.map(last));
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        {report.from === null
          ? m.t("ui-report-period-all", { to: m.digits(report.to) })
          : m.t("ui-report-period", { from: m.digits(report.from), to: m.digits(report.to) })}
      </Text>
      <Table striped data-testid="report-table">
        <Table.Thead>
          <Table.Tr>
            {report.columns.map((c) => (
              <Table.Th key={c}>{m.t(c)}</Table.Th>
            ))}
            <Table.Th w="30%" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.rows.map((row, i) => (
            <Table.Tr key={i}>
              {row.map((cell, j) => (
                <Table.Td key={j}>{cellText(m, cell)}</Table.Td>
              ))}
              <Table.Td>
                <div className="report-bar" style={{ inlineSize: `${(100 * last(row)) / max}%` }} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

function ExportForm({
  kind,
  period,
}: {
  kind: ReportKind;
  period: { from: string | null; to: string | null };
}) {
  const { m } = useDesk();
  const vocabulary = useVocabulary();
  const text = useErrorText();
  const [path, setPath] = useState("");
  const [format, setFormat] = useState<ExportFormat>("xlsx");
  const [written, setWritten] = useState<FileWritten | null>(null);
  const [errors, setErrors] = useState<Record<string, CommandError>>({});
  const [formError, setFormError] = useState<CommandError | null>(null);
  useEffect(() => {
    void api.suggestedExportPath(kind, format).then(setPath);
  }, [kind, format]);
  const save = () => {
    setWritten(null);
    setErrors({});
    setFormError(null);
    api
      .exportReport(kind, period, format, path, m.lang)
      .then(setWritten)
      .catch((caught: unknown) => {
        const { field, form } = splitError(asCommandError(caught));
        setErrors(field);
        setFormError(form);
      });
  };
  return (
    <Group align="flex-end" mt="md" data-testid="report-export">
      <Select
        label={m.t("ui-report-format")}
        value={format}
        allowDeselect={false}
        onChange={(v) => setFormat(pick<ExportFormat>(vocabulary?.export_formats, v))}
        data={options(vocabulary?.export_formats, m)}
        w={170}
      />
      <TextInput
        name="export.path"
        label={m.t("ui-report-path")}
        value={path}
        onChange={(e) => setPath(e.currentTarget.value)}
        error={fieldErrors(errors, text)("export.path")}
        dir="ltr"
        w={420}
      />
      <Button variant="light" onClick={save} data-testid="report-save">
        {m.t("ui-report-save")}
      </Button>
      <ErrorAlert error={formError} />
      {written && (
        <Alert color="teal" data-testid="report-written">
          {m.t("ui-report-written", { path: isolateLtr(written.path) })}
        </Alert>
      )}
    </Group>
  );
}
