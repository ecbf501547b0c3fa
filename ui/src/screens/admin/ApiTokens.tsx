import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { CommandError, IssuedPortalToken, PortalToken } from "../../bindings";
import { useDesk } from "../../context";
import { useVocabulary } from "../../lib/vocabulary";
import { toAsciiDigits } from "../../lib/digits";
import { api, asCommandError } from "../../lib/api";
import { ErrorAlert, fieldErrors, splitError, useErrorText } from "../../components/errors";
import { useAddForm } from "../../components/useAddForm";

const EMPTY = { org: "", name: "" };

/**
 * API tokens (توکن‌های دسترسی) for agencies' own systems, as `sanad portal-token` issues them:
 * the list (never a secret), a new token for an agency — its secret shown once, with a copy
 * button — revoking one after a confirmation, and the per-token rate limit. The core checks the
 * agency, the label and the limit's range and names the field.
 */
export function ApiTokensSettings() {
  const { m } = useDesk();
  const queries = useQueryClient();
  const list = useQuery({ queryKey: ["portal-tokens"], queryFn: api.listPortalTokens });
  const vocabulary = useVocabulary();
  const orgs = useQuery({ queryKey: ["orgs", ""], queryFn: () => api.listOrganizations("") });
  const [issued, setIssued] = useState<IssuedPortalToken | null>(null);
  const [revoking, setRevoking] = useState<PortalToken | null>(null);
  const refresh = () => void queries.invalidateQueries({ queryKey: ["portal-tokens"] });
  const { values, field, submit, formError, busy, set, errorOf } = useAddForm(EMPTY, (v) =>
    api.issuePortalToken(v.org, v.name).then((t) => {
      setIssued(t);
      refresh();
    }),
  );
  const agencies = (orgs.data ?? [])
    .filter((o) => vocabulary?.portal_org_kinds.some((k) => k.value === o.kind))
    .map((o) => ({ value: o.id, label: o.name }));
  return (
    <Stack data-testid="api-tokens">
      <form onSubmit={submit} noValidate data-testid="api-token-form">
        <ErrorAlert error={formError} />
        <div className="form-grid">
          <Select
            name="org"
            label={m.t("ui-token-org")}
            value={values.org || null}
            searchable
            onChange={(v) => set("org", v ?? "")}
            data={agencies}
            error={errorOf("org")}
            data-testid="api-token-org"
          />
          <TextInput label={m.t("ui-token-label")} {...field("name")} />
        </div>
        <Button type="submit" mt="sm" loading={busy} data-testid="api-token-submit">
          {m.t("ui-token-add")}
        </Button>
      </form>
      <Table striped data-testid="api-token-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{m.t("ui-token-org")}</Table.Th>
            <Table.Th>{m.t("ui-token-label")}</Table.Th>
            <Table.Th>{m.t("ui-token-created")}</Table.Th>
            <Table.Th>{m.t("ui-token-last-used")}</Table.Th>
            <Table.Th>{m.t("ui-token-state")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data?.map((t) => (
            <Table.Tr key={t.id} data-token={t.id} data-label={t.label}>
              <Table.Td>
                <bdi>{t.organization_name}</bdi>
              </Table.Td>
              <Table.Td>
                <bdi>{t.label}</bdi>
              </Table.Td>
              <Table.Td className="nowrap">{m.digits(t.created_jalali)}</Table.Td>
              <Table.Td className="nowrap">
                {t.last_used_jalali ? m.digits(t.last_used_jalali) : m.t("ui-token-never-used")}
              </Table.Td>
              <Table.Td>
                <Badge
                  color={t.revoked ? "gray" : "teal"}
                  data-testid="api-token-state"
                  style={{ whiteSpace: "nowrap" }}
                >
                  {t.revoked
                    ? m.t("ui-token-revoked-on", { at: m.digits(t.revoked_jalali ?? "") })
                    : m.t("ui-token-active")}
                </Badge>
              </Table.Td>
              <Table.Td>
                {!t.revoked && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    color="red"
                    onClick={() => setRevoking(t)}
                    data-testid="api-token-revoke"
                  >
                    {m.t("ui-token-revoke")}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {m.t("ui-token-none")}
        </Text>
      )}
      <RateLimit />
      {issued && <IssuedDialog issued={issued} onClose={() => setIssued(null)} />}
      {revoking && (
        <RevokeDialog
          token={revoking}
          onClose={() => setRevoking(null)}
          onRevoked={() => {
            setRevoking(null);
            refresh();
          }}
        />
      )}
    </Stack>
  );
}

/** The new token's secret, shown this once. */
function IssuedDialog({ issued, onClose }: { issued: IssuedPortalToken; onClose: () => void }) {
  const { m } = useDesk();
  return (
    <Modal
      opened
      onClose={onClose}
      title={m.t("ui-token-issued-title")}
      size="lg"
      closeOnClickOutside={false}
      data-testid="api-token-issued"
    >
      <Stack>
        <Alert color="orange">{m.t("ui-token-shown-once")}</Alert>
        <Code
          block
          dir="ltr"
          data-testid="api-token-secret"
          style={{ overflowWrap: "anywhere", whiteSpace: "pre-wrap" }}
        >
          {issued.token}
        </Code>
        <Group justify="flex-end">
          <CopyButton value={issued.token}>
            {({ copied, copy }) => (
              <Button
                variant="light"
                color={copied ? "teal" : "blue"}
                onClick={copy}
                data-testid="api-token-copy"
              >
                {copied ? m.t("ui-copied") : m.t("ui-copy")}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose} data-testid="api-token-issued-close">
            {m.t("ui-close")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RevokeDialog({
  token,
  onClose,
  onRevoked,
}: {
  token: PortalToken;
  onClose: () => void;
  onRevoked: () => void;
}) {
  const { m } = useDesk();
  const [error, setError] = useState<CommandError | null>(null);
  const [busy, setBusy] = useState(false);
  const revoke = () => {
    setBusy(true);
    setError(null);
    api
      .revokePortalToken(token.id)
      .then(onRevoked)
      .catch((caught: unknown) => setError(asCommandError(caught)))
      .finally(() => setBusy(false));
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={m.t("ui-token-revoke-title")}
      data-testid="api-token-revoke-dialog"
    >
      <Stack>
        <ErrorAlert error={error} />
        <Text>
          {m.t("ui-token-revoke-confirm", {
            label: token.label,
            org: token.organization_name,
          })}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {m.t("ui-cancel")}
          </Button>
          <Button
            color="red"
            loading={busy}
            onClick={revoke}
            data-testid="api-token-revoke-confirm"
          >
            {m.t("ui-token-revoke")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The per-token rate limit: calls per window of seconds. */
function RateLimit() {
  const { m } = useDesk();
  const text = useErrorText();
  const limit = useQuery({ queryKey: ["api-rate-limit"], queryFn: api.apiRateLimit });
  // As typed (any digits); the core checks the ranges.
  const [calls, setCalls] = useState("");
  const [seconds, setSeconds] = useState("");
  const [errors, setErrors] = useState<Record<string, CommandError>>({});
  const [formError, setFormError] = useState<CommandError | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (limit.data) {
      setCalls(m.digits(limit.data.calls));
      setSeconds(m.digits(limit.data.seconds));
    }
  }, [limit.data, m]);
  const save = () => {
    setSaved(false);
    setErrors({});
    setFormError(null);
    api
      .setApiRateLimit(number(calls), number(seconds))
      .then(() => setSaved(true))
      .catch((caught: unknown) => {
        const { field, form } = splitError(asCommandError(caught));
        setErrors(field);
        setFormError(form);
      });
  };
  const number = (typed: string) => {
    const n = Number(toAsciiDigits(typed.trim()));
    return Number.isInteger(n) && n >= 0 ? n : 0;
  };
  const err = fieldErrors(errors, text);
  return (
    <Stack gap="xs" data-testid="api-rate-limit">
      <Title order={5}>{m.t("ui-token-limit-title")}</Title>
      <ErrorAlert error={formError} />
      <Group align="flex-start">
        <TextInput
          name="calls"
          label={m.t("ui-token-limit-calls")}
          value={calls}
          onChange={(e) => setCalls(e.currentTarget.value)}
          error={err("calls")}
          w={200}
        />
        <TextInput
          name="seconds"
          label={m.t("ui-token-limit-seconds")}
          value={seconds}
          onChange={(e) => setSeconds(e.currentTarget.value)}
          error={err("seconds")}
          w={200}
        />
      </Group>
      <Group>
        <Button variant="light" onClick={save} data-testid="api-rate-limit-save">
          {m.t("ui-save")}
        </Button>
        {saved && (
          <Text size="sm" c="teal" data-testid="api-rate-limit-saved">
            {m.t("ui-saved")}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
