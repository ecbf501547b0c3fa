import { Button, PasswordInput, Radio, Select, Stack, Text, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import type {
  CommandError,
  ConnectionProfile,
  ConnectionSettings,
  PostgresProfile,
  TlsMode,
} from "../bindings";
import { useMessages } from "../context";
import { options, useVocabulary } from "../lib/vocabulary";
import { api, asCommandError } from "../lib/api";
import { isolateLtr, toAsciiDigits } from "../lib/digits";
import { ErrorAlert, fieldErrors, splitError, useErrorText } from "./errors";

const EMPTY_POSTGRES: PostgresProfile = {
  host: "",
  port: 5432,
  database: "sanad",
  user: "",
  tls: "require",
};

/**
 * Where this desk's data is: the embedded database or the office's PostgreSQL server. The
 * password goes to the core, which tries it and keeps it in the OS keychain; it is never saved
 * anywhere by the window.
 */
export function ConnectionForm({
  current,
  shown,
  onConnected,
  submitLabel,
}: {
  current: ConnectionProfile;
  shown: string;
  onConnected: (settings: ConnectionSettings) => void;
  submitLabel: string;
}) {
  const m = useMessages();
  const vocabulary = useVocabulary();
  const text = useErrorText();
  const [backend, setBackend] = useState<"embedded" | "postgres">(current.backend);
  const [pg, setPg] = useState<PostgresProfile>(
    current.backend === "postgres" ? current : EMPTY_POSTGRES,
  );
  const [port, setPort] = useState(String(pg.port));
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Record<string, CommandError>>({});
  const [formError, setFormError] = useState<CommandError | null>(null);
  const [busy, setBusy] = useState(false);
  const err = fieldErrors(errors, text);

  const field = (name: keyof Omit<PostgresProfile, "port" | "tls">) => ({
    name: `connection.${name}`,
    value: pg[name],
    dir: "ltr" as const,
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setPg((p) => ({ ...p, [name]: value }));
    },
    error: err(`connection.${name}`),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    setErrors({});
    let profile: ConnectionProfile = { backend: "embedded" };
    if (backend === "postgres") {
      const portNumber = Number(toAsciiDigits(port.trim()));
      if (!Number.isInteger(portNumber) || portNumber < 1 || portNumber > 65535) {
        setErrors({
          "connection.port": {
            code: "invalid_input",
            messageId: "error-connection-port",
            args: {},
          },
        });
        return;
      }
      profile = { backend: "postgres", ...pg, port: portNumber };
    }
    setBusy(true);
    api
      .connectDatabase(profile, backend === "postgres" && password ? password : null)
      .then((settings) => {
        setPassword("");
        onConnected(settings);
      })
      .catch((caught: unknown) => {
        const { field: f, form } = splitError(asCommandError(caught));
        setErrors(f);
        setFormError(form);
      })
      .finally(() => setBusy(false));
  };

  return (
    <form onSubmit={submit} noValidate data-testid="connection-form">
      <Stack gap="sm">
        <Radio.Group
          label={m.t("ui-db-choice")}
          value={backend}
          onChange={(v) => setBackend(v === "postgres" ? "postgres" : "embedded")}
        >
          <Stack gap={6} mt={6}>
            <Radio value="embedded" label={m.t("ui-db-embedded")} data-testid="db-embedded" />
            {current.backend === "embedded" && shown && (
              <Text size="xs" c="dimmed" ps="xl">
                {m.t("ui-db-embedded-path", { path: isolateLtr(shown) })}
              </Text>
            )}
            <Radio value="postgres" label={m.t("ui-db-postgres")} data-testid="db-postgres" />
          </Stack>
        </Radio.Group>
        {backend === "postgres" && (
          <div className="form-grid">
            <TextInput label={m.t("ui-field-db-host")} {...field("host")} required />
            <TextInput
              name="connection.port"
              label={m.t("ui-field-db-port")}
              value={port}
              dir="ltr"
              onChange={(e) => setPort(e.currentTarget.value)}
              error={err("connection.port")}
              required
            />
            <TextInput label={m.t("ui-field-db-name")} {...field("database")} required />
            <TextInput label={m.t("ui-field-db-user")} {...field("user")} required />
            <PasswordInput
              name="connection.password"
              label={m.t("ui-field-db-password")}
              description={m.t("ui-db-password-keychain")}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Select
              name="connection.tls"
              label={m.t("ui-field-db-tls")}
              value={pg.tls}
              allowDeselect={false}
              onChange={(v) => setPg((p) => ({ ...p, tls: (v as TlsMode | null) ?? "require" }))}
              data={options(vocabulary?.database_tls_modes, m)}
            />
          </div>
        )}
        <ErrorAlert error={formError} />
        <Button type="submit" loading={busy} data-testid="connect-database">
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
