import {
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { AppStatus, CommandError, Session } from "../bindings";
import { ConnectionForm } from "../components/ConnectionForm";
import { NewPasswordFields } from "../components/NewPasswordFields";
import { RestoreForm } from "../components/RestoreForm";
import { useMessages } from "../context";
import { api, asCommandError } from "../lib/api";
import { isolateLtr } from "../lib/digits";
import {
  ErrorAlert,
  fieldErrors,
  repeatMismatch,
  splitError,
  useErrorText,
} from "../components/errors";

/**
 * First run: where the data is kept (the embedded database, or the office's PostgreSQL server),
 * then the first administrator — or a backup restored into the new, empty database.
 */
export function FirstRun({
  status,
  onDone,
  onDatabaseChanged,
}: {
  status: AppStatus;
  onDone: (s: Session) => void;
  onDatabaseChanged: () => void;
}) {
  const m = useMessages();
  const [changing, setChanging] = useState(false);
  const [mode, setMode] = useState<"create" | "restore">("create");
  const settings = useQuery({ queryKey: ["connection"], queryFn: api.connectionSettings });
  return (
    <Paper className="center-card" p="xl" shadow="sm" withBorder>
      <Stack>
        <Title order={2}>{m.t("ui-first-run-title")}</Title>
        <Text c="dimmed">{m.t("ui-first-run-intro")}</Text>
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" data-testid="database-location">
            {m.t("ui-database-location", { path: isolateLtr(status.database) })}
          </Text>
          {!changing && (
            <Button
              variant="light"
              size="xs"
              onClick={() => setChanging(true)}
              data-testid="change-database"
            >
              {m.t("ui-db-change")}
            </Button>
          )}
        </Group>
        {changing && settings.data && (
          <Paper p="md" withBorder>
            <ConnectionForm
              current={settings.data.profile}
              shown={settings.data.shown}
              submitLabel={m.t("ui-db-connect")}
              onConnected={() => {
                setChanging(false);
                void settings.refetch();
                onDatabaseChanged();
              }}
            />
          </Paper>
        )}
        <SegmentedControl
          value={mode}
          onChange={(v) => setMode(v === "restore" ? "restore" : "create")}
          data={[
            {
              value: "create",
              label: <span data-testid="mode-create">{m.t("ui-first-run-create")}</span>,
            },
            {
              value: "restore",
              label: <span data-testid="mode-restore">{m.t("ui-first-run-restore")}</span>,
            },
          ]}
          data-testid="first-run-mode"
        />
        {mode === "create" ? (
          <CreateAdmin onDone={onDone} />
        ) : (
          <RestoreForm onRestored={onDatabaseChanged} />
        )}
      </Stack>
    </Paper>
  );
}

function CreateAdmin({ onDone }: { onDone: (s: Session) => void }) {
  const m = useMessages();
  const text = useErrorText();
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [errors, setErrors] = useState<Record<string, CommandError>>({});
  const [formError, setFormError] = useState<CommandError | null>(null);
  const [busy, setBusy] = useState(false);
  const err = fieldErrors(errors, text);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const mismatch = repeatMismatch(password, repeat);
    if (mismatch) {
      setErrors(mismatch);
      return;
    }
    setBusy(true);
    api
      .initAdmin(username, displayName, password)
      .then(onDone)
      .catch((e: unknown) => {
        const { field, form } = splitError(asCommandError(e));
        setErrors(field);
        setFormError(form);
      })
      .finally(() => setBusy(false));
  };

  return (
    <form onSubmit={submit} noValidate data-testid="first-run">
      <Stack>
        <ErrorAlert error={formError} />
        <TextInput
          name="username"
          label={m.t("ui-field-username")}
          value={username}
          onChange={(e) => setUsername(e.currentTarget.value)}
          error={err("username")}
          dir="ltr"
          autoFocus
          required
        />
        <TextInput
          name="display_name"
          label={m.t("ui-field-display-name")}
          value={displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
          error={err("display_name")}
          required
        />
        <NewPasswordFields
          label="ui-field-password"
          password={password}
          repeat={repeat}
          onPassword={setPassword}
          onRepeat={setRepeat}
          err={err}
        />
        <Button type="submit" loading={busy} data-testid="create-admin">
          {m.t("ui-create-admin")}
        </Button>
      </Stack>
    </form>
  );
}
