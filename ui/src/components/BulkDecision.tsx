import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Action, BulkResult, CommandError, RequestSummary } from "../bindings";
import { useDesk } from "../context";
import { api, asCommandError } from "../lib/api";
import { useVocabulary } from "../lib/vocabulary";
import { ErrorAlert } from "./errors";

/**
 * Several requests of the queue decided at once: tick them, pick one step (and one reason when
 * it needs one), confirm the list, and read what was applied and what was refused and why. Each
 * request is decided on its own at the version shown here, so a request changed meanwhile at
 * another desk is reported, never overwritten.
 */
export function BulkDecision({ items }: { items: RequestSummary[] }) {
  const { m } = useDesk();
  const queries = useQueryClient();
  // The steps one may apply to several at once, and which ask for a reason, come from the core.
  const bulk = useVocabulary()?.bulk_actions ?? [];
  // What the user ticked, as it was when ticked: a request decided meanwhile at another desk
  // leaves the queue, but stays in the selection and is sent at the version seen, so the answer
  // reports it instead of silently dropping it.
  const [selected, setSelected] = useState<RequestSummary[]>([]);
  const [action, setAction] = useState<Action>("approve");
  const [note, setNote] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<BulkResult | null>(null);
  // The rows the last result speaks of (some may have left the queue since).
  const [decided, setDecided] = useState<RequestSummary[]>([]);
  const [error, setError] = useState<CommandError | null>(null);
  const chosen = selected;
  const isPicked = (code: string) => selected.some((r) => r.tracking_code === code);
  const toggle = (row: RequestSummary, on: boolean) =>
    setSelected((s) => (on ? [...s, row] : s.filter((r) => r.tracking_code !== row.tracking_code)));
  const apply = () => {
    setBusy(true);
    setError(null);
    api
      .actMany(
        chosen.map((r) => ({ code: r.tracking_code, expected_version: r.version })),
        action,
        note.trim() ? note : null,
      )
      .then((r) => {
        setResult(r);
        setDecided(chosen);
        setSelected([]);
        setNote("");
        void queries.invalidateQueries({ queryKey: ["queue"] });
      })
      .catch((e: unknown) => setError(asCommandError(e)))
      .finally(() => {
        setBusy(false);
        setConfirming(false);
      });
  };
  const grouped = (code: string) => {
    const row = [...decided, ...items].find((r) => r.tracking_code === code);
    return m.digits(row?.tracking_code_grouped ?? code);
  };
  return (
    <Stack mt="md" data-testid="bulk-decision">
      <Table striped data-testid="bulk-table">
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td w={32}>
                <Checkbox
                  aria-label={m.digits(r.tracking_code_grouped)}
                  data-testid="bulk-pick"
                  data-code={r.tracking_code}
                  checked={isPicked(r.tracking_code)}
                  onChange={(e) => toggle(r, e.currentTarget.checked)}
                />
              </Table.Td>
              <Table.Td>
                <span className="code">{m.digits(r.tracking_code_grouped)}</span>
              </Table.Td>
              <Table.Td>{m.spelled("status", r.status)}</Table.Td>
              <Table.Td>
                {r.acting_for && (
                  <Badge color="grape" variant="light" data-testid="acting-mark">
                    {m.t("delegation-acting-for", { name: r.acting_for })}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group align="end">
        <Select
          label={m.t("ui-bulk-action")}
          value={action}
          allowDeselect={false}
          onChange={(v) => v && setAction(v as Action)}
          data={bulk.map((a) => ({ value: a.action, label: m.spelled("action", a.action) }))}
          data-testid="bulk-action"
        />
        {bulk.find((a) => a.action === action)?.needs_note && (
          <TextInput
            label={m.t("field-note")}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
        )}
        <Button
          disabled={chosen.length === 0}
          onClick={() => setConfirming(true)}
          data-testid="bulk-apply"
        >
          {m.t("ui-bulk-apply", { count: chosen.length })}
        </Button>
      </Group>
      <ErrorAlert error={error} />
      {result && (
        <Alert
          color={result.refused === 0 ? "teal" : "orange"}
          data-testid="bulk-result"
          title={m.t("ui-bulk-result", { applied: result.applied, refused: result.refused })}
        >
          <List size="sm">
            {result.outcomes.map((o) => (
              <List.Item key={o.code} data-code={o.code} data-applied={String(o.applied)}>
                <span className="code">{grouped(o.code)}</span>{" "}
                {o.applied
                  ? m.t("ui-bulk-applied", { status: o.status ?? "" })
                  : `${m.t(`bulk-refusal-${(o.refusal ?? "failed").replace(/_/g, "-")}`)}: ${m.t(
                      o.message_id ?? "error-storage",
                      o.args,
                    )}`}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={m.t("ui-bulk-confirm", {
          action: m.spelled("action", action),
          count: chosen.length,
        })}
      >
        <Stack data-testid="bulk-confirm">
          <List size="sm">
            {chosen.map((r) => (
              <List.Item key={r.id}>
                <span className="code">{m.digits(r.tracking_code_grouped)}</span> —{" "}
                {r.applicant_name}
                {r.acting_for && (
                  <Text span c="grape" ms={6}>
                    ({m.t("delegation-acting-for", { name: r.acting_for })})
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
          <Group justify="end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {m.t("ui-cancel")}
            </Button>
            <Button loading={busy} onClick={apply} data-testid="bulk-confirm-ok">
              {m.t("ui-bulk-confirm-ok")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
