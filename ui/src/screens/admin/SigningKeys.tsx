import { Alert, Badge, Button, Group, Modal, Stack, Table, Text } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { CommandError, SigningKeyState, SigningKeyView } from "../../bindings";
import { useDesk } from "../../context";
import { api, asCommandError } from "../../lib/api";
import { ErrorAlert, fieldErrors, splitError, useErrorText } from "../../components/errors";
import { JalaliDateInput } from "../../components/JalaliDateInput";

const STATE_COLOR: Record<SigningKeyState, string> = {
  current: "teal",
  rotated: "blue",
  revoked: "red",
};

/**
 * The directorate's signing keys (کلیدهای امضا), as `sanad key` keeps them: each key's validity
 * and state, the first key made (or the next after a revocation), a rotation, and a revocation
 * from a date. A key made here keeps its private half in this desk's keychain. Exporting and
 * importing a key (a sealed file and its passphrase) stay on the command line.
 */
export function SigningKeysSettings() {
  const { m } = useDesk();
  const queries = useQueryClient();
  const keys = useQuery({ queryKey: ["signing-keys"], queryFn: api.signingKeys });
  const [confirm, setConfirm] = useState<"init" | "rotate" | null>(null);
  const [revoking, setRevoking] = useState<SigningKeyView | null>(null);
  const [made, setMade] = useState<string | null>(null);
  const refresh = () => void queries.invalidateQueries({ queryKey: ["signing-keys"] });
  const hasCurrent = keys.data?.some((k) => k.state === "current") ?? false;
  return (
    <Stack data-testid="signing-keys">
      <Text size="sm" c="dimmed">
        {m.t("ui-key-cli-only")}
      </Text>
      <Group>
        {keys.data && !hasCurrent && (
          <Button onClick={() => setConfirm("init")} data-testid="key-init">
            {m.t("ui-key-init")}
          </Button>
        )}
        {hasCurrent && (
          <Button variant="light" onClick={() => setConfirm("rotate")} data-testid="key-rotate">
            {m.t("ui-key-rotate")}
          </Button>
        )}
      </Group>
      {made && (
        <Alert color="teal" data-testid="key-made">
          {m.t("ui-key-made")} <bdi className="code">{made}</bdi>
        </Alert>
      )}
      <ErrorAlert error={keys.error ? asCommandError(keys.error) : null} />
      <Table striped data-testid="key-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{m.t("ui-key-id")}</Table.Th>
            <Table.Th>{m.t("ui-key-valid-from")}</Table.Th>
            <Table.Th>{m.t("ui-key-valid-until")}</Table.Th>
            <Table.Th>{m.t("ui-key-revoked-from")}</Table.Th>
            <Table.Th>{m.t("ui-key-state")}</Table.Th>
            <Table.Th>{m.t("ui-key-on-this-desk")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.data?.map((k) => (
            <Table.Tr key={k.kid} data-kid={k.kid} data-state={k.state}>
              <Table.Td>
                <bdi className="code">{k.kid}</bdi>
              </Table.Td>
              <Table.Td className="nowrap">{m.digits(k.valid_from_jalali)}</Table.Td>
              <Table.Td className="nowrap">
                {k.valid_until_jalali ? m.digits(k.valid_until_jalali) : "—"}
              </Table.Td>
              <Table.Td className="nowrap">
                {k.revoked_from_jalali ? m.digits(k.revoked_from_jalali) : "—"}
              </Table.Td>
              <Table.Td>
                <Badge color={STATE_COLOR[k.state]} style={{ whiteSpace: "nowrap" }}>
                  {m.t(`ui-key-state-${k.state}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{k.on_this_desk ? m.t("ui-yes") : m.t("ui-no")}</Table.Td>
              <Table.Td>
                {k.state !== "revoked" && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    color="red"
                    onClick={() => setRevoking(k)}
                    data-testid="key-revoke"
                  >
                    {m.t("ui-key-revoke")}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {keys.data?.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="key-none">
          {m.t("ui-key-none")}
        </Text>
      )}
      {confirm && (
        <StartKeyDialog
          kind={confirm}
          onClose={() => setConfirm(null)}
          onDone={(kid) => {
            setConfirm(null);
            setMade(kid);
            refresh();
          }}
        />
      )}
      {revoking && (
        <RevokeKeyDialog
          signingKey={revoking}
          onClose={() => setRevoking(null)}
          onDone={() => {
            setRevoking(null);
            refresh();
          }}
        />
      )}
    </Stack>
  );
}

function StartKeyDialog({
  kind,
  onClose,
  onDone,
}: {
  kind: "init" | "rotate";
  onClose: () => void;
  onDone: (kid: string) => void;
}) {
  const { m } = useDesk();
  const [error, setError] = useState<CommandError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = () => {
    setBusy(true);
    setError(null);
    (kind === "init" ? api.initSigningKey() : api.rotateSigningKey())
      .then(onDone)
      .catch((caught: unknown) => setError(asCommandError(caught)))
      .finally(() => setBusy(false));
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={m.t(kind === "init" ? "ui-key-init" : "ui-key-rotate")}
      data-testid="key-confirm-dialog"
    >
      <Stack>
        <ErrorAlert error={error} />
        <Text>{m.t(kind === "init" ? "ui-key-init-confirm" : "ui-key-rotate-confirm")}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {m.t("ui-cancel")}
          </Button>
          <Button loading={busy} onClick={run} data-testid="key-confirm">
            {m.t(kind === "init" ? "ui-key-init" : "ui-key-rotate")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RevokeKeyDialog({
  signingKey,
  onClose,
  onDone,
}: {
  signingKey: SigningKeyView;
  onClose: () => void;
  onDone: () => void;
}) {
  const { m } = useDesk();
  const text = useErrorText();
  const [from, setFrom] = useState("");
  const [errors, setErrors] = useState<Record<string, CommandError>>({});
  const [error, setError] = useState<CommandError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = () => {
    setBusy(true);
    setErrors({});
    setError(null);
    api
      .revokeSigningKey(signingKey.kid, from)
      .then(onDone)
      .catch((caught: unknown) => {
        const { field, form } = splitError(asCommandError(caught));
        setErrors(field);
        setError(form);
      })
      .finally(() => setBusy(false));
  };
  return (
    <Modal opened onClose={onClose} title={m.t("ui-key-revoke")} data-testid="key-revoke-dialog">
      <Stack>
        <ErrorAlert error={error} />
        <Text>
          {m.t("ui-key-revoke-confirm")} <bdi className="code">{signingKey.kid}</bdi>
        </Text>
        <JalaliDateInput
          name="from"
          label={m.t("ui-key-revoke-from")}
          value={from}
          onChange={setFrom}
          error={fieldErrors(errors, text)("from")}
          required
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {m.t("ui-cancel")}
          </Button>
          <Button color="red" loading={busy} onClick={run} data-testid="key-revoke-confirm">
            {m.t("ui-key-revoke")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
