import { Button, Paper, PasswordInput, Radio, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import type { AppStatus, CommandError, Session } from "../bindings";
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

/** First run: where the data is kept (the embedded database for now), then the first administrator. */
export function FirstRun({ status, onDone }: { status: AppStatus; onDone: (s: Session) => void }) {
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
    <Paper className="center-card" p="xl" shadow="sm" withBorder>
      <form onSubmit={submit} noValidate data-testid="first-run">
        <Stack>
          <Title order={2}>{m.t("ui-first-run-title")}</Title>
          <Text c="dimmed">{m.t("ui-first-run-intro")}</Text>
          <Radio.Group label={m.t("ui-db-choice")} value="embedded">
            <Stack gap={6} mt={6}>
              <Radio value="embedded" label={m.t("ui-db-embedded")} />
              <Text size="xs" c="dimmed" ps="xl">
                {m.t("ui-db-embedded-path", { path: isolateLtr(status.database) })}
              </Text>
              <Radio value="postgres" label={m.t("ui-db-postgres")} disabled />
              <Text size="xs" c="dimmed" ps="xl">
                {m.t("ui-db-postgres-later")}
              </Text>
            </Stack>
          </Radio.Group>
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
          <PasswordInput
            name="password"
            label={m.t("ui-field-password")}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={err("password")}
            required
          />
          <PasswordInput
            name="password_repeat"
            label={m.t("ui-password-repeat")}
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
            error={err("password_repeat")}
            required
          />
          <Button type="submit" loading={busy} data-testid="create-admin">
            {m.t("ui-create-admin")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
