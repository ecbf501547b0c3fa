import { Alert, Button, FileButton, Group, Modal, Stack, Table, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { CommandError, ImportOutcome, ImportPlan } from "../../bindings";
import { ErrorAlert } from "../../components/errors";
import { readBase64 } from "../../components/KeptFiles";
import { useDesk } from "../../context";
import { api, asCommandError } from "../../lib/api";

/**
 * The administrator brings in the office's existing register: choose the spreadsheet, read what
 * the core says it would add, change and refuse (every refused row with its number and reason),
 * then write it whole. Nothing is written before the second button, and with any row refused
 * the core writes nothing.
 */
export function RegisterImport() {
  const { m } = useDesk();
  const queries = useQueryClient();
  const [open, setOpen] = useState(false);
  const [content, setContent] = useState<string | null>(null);
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [done, setDone] = useState<ImportOutcome | null>(null);
  const [error, setError] = useState<CommandError | null>(null);
  const [busy, setBusy] = useState(false);
  const reset = () => {
    setContent(null);
    setPlan(null);
    setDone(null);
    setError(null);
  };
  const choose = (file: File | null) => {
    if (!file) return;
    reset();
    setBusy(true);
    readBase64(file)
      .then(async (b64) => {
        setContent(b64);
        setPlan(await api.planDocumentImport(b64));
      })
      .catch((e: unknown) => setError(asCommandError(e)))
      .finally(() => setBusy(false));
  };
  const apply = () => {
    if (!content) return;
    setBusy(true);
    api
      .importDocuments(content)
      .then((outcome) => {
        setDone(outcome);
        setPlan(outcome.plan);
        void queries.invalidateQueries({ queryKey: ["docs"] });
      })
      .catch((e: unknown) => setError(asCommandError(e)))
      .finally(() => setBusy(false));
  };
  const counts = (p: ImportPlan) => ({
    rows: p.rows,
    add: p.add,
    change: p.change,
    unchanged: p.unchanged,
    refused: p.refused.length,
  });
  const field = (name: string) => {
    const id = `field-${name.replace(/[._]/g, "-")}`;
    const label = m.t(id);
    return label === id ? "" : `${label}: `;
  };
  return (
    <>
      <Button variant="light" mt="md" onClick={() => setOpen(true)} data-testid="import-open">
        {m.t("ui-import-open")}
      </Button>
      <Modal
        opened={open}
        onClose={() => {
          setOpen(false);
          reset();
        }}
        title={m.t("ui-import-title")}
        size="xl"
      >
        <Stack data-testid="register-import">
          <Text size="sm">{m.t("ui-import-hint")}</Text>
          <FileButton onChange={choose} accept=".xlsx,.csv,text/csv">
            {(props) => (
              <Button {...props} loading={busy && !plan} data-testid="import-pick">
                {m.t("ui-import-pick")}
              </Button>
            )}
          </FileButton>
          <ErrorAlert error={error} />
          {plan && (
            <Alert
              color={plan.refused.length > 0 ? "orange" : "teal"}
              data-testid="import-plan"
              title={m.t("import-plan", counts(plan))}
            >
              {plan.ignored_columns.length > 0 && (
                <Text size="sm">
                  {m.t("import-ignored-columns", { columns: plan.ignored_columns.join("، ") })}
                </Text>
              )}
              {done && (
                <Text size="sm" fw={600} data-testid="import-done">
                  {done.applied
                    ? m.t("import-applied", { add: plan.add, change: plan.change })
                    : m.t("import-not-applied", { refused: plan.refused.length })}
                </Text>
              )}
            </Alert>
          )}
          {plan && plan.refused.length > 0 && (
            <>
              <Text fw={600}>{m.t("ui-import-refused")}</Text>
              <Table striped data-testid="import-refused">
                <Table.Tbody>
                  {plan.refused.map((r) => (
                    <Table.Tr key={r.row} data-row={r.row}>
                      <Table.Td className="nowrap">{m.digits(r.row)}</Table.Td>
                      <Table.Td className="nowrap">
                        {r.registry_number && <bdi>{m.digits(r.registry_number)}</bdi>}
                      </Table.Td>
                      <Table.Td>
                        {field(r.field)}
                        {m.t(r.message_id, r.args)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
          {plan && plan.changes.length > 0 && (
            <>
              <Text fw={600}>{m.t("ui-import-changes")}</Text>
              <Table striped data-testid="import-changes">
                <Table.Tbody>
                  {plan.changes.map((c) => (
                    <Table.Tr key={c.row}>
                      <Table.Td className="nowrap">
                        <bdi>{m.digits(c.registry_number)}</bdi>
                      </Table.Td>
                      <Table.Td>
                        <bdi>{c.title_before}</bdi> ← <bdi>{c.title}</bdi>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
          {plan && !done && plan.add + plan.change === 0 && plan.refused.length === 0 && (
            <Text c="dimmed">{m.t("ui-import-nothing")}</Text>
          )}
          <Group justify="end">
            <Button
              onClick={apply}
              loading={busy && !!plan}
              disabled={!plan || !!done || plan.refused.length > 0 || plan.add + plan.change === 0}
              data-testid="import-apply"
            >
              {m.t("ui-import-apply")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
