import { Button, Paper, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import type { CommandError, Session } from "../bindings";
import { useMessages } from "../context";
import { api, asCommandError } from "../lib/api";
import {
  ErrorAlert,
  fieldErrors,
  repeatMismatch,
  splitError,
  useErrorText,
} from "../components/errors";
import { NewPasswordFields } from "../components/NewPasswordFields";

/** After the administrator's reset: the one-time password must be replaced before anything else. */
export function ChangePassword({
  session,
  onDone,
  onSignOut,
}: {
  session: Session;
  onDone: (s: Session) => void;
  onSignOut: () => void;
}) {
  const m = useMessages();
  const text = useErrorText();
  const [current, setCurrent] = useState("");
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [errors, setErrors] = useState<Record<string, CommandError>>({});
  const [formError, setFormError] = useState<CommandError | null>(null);
  const [busy, setBusy] = useState(false);
  const err = fieldErrors(errors, text);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setFormError(null);
    const mismatch = repeatMismatch(password, repeat);
    if (mismatch) {
      setErrors(mismatch);
      return;
    }
    setBusy(true);
    api
      .changePassword(current, password)
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
      <form onSubmit={submit} noValidate data-testid="change-password">
        <Stack>
          <Title order={2}>{m.t("ui-change-password-title")}</Title>
          <Text c="dimmed">{m.t("ui-change-password-intro", { user: session.display_name })}</Text>
          <ErrorAlert error={formError} />
          <PasswordInput
            name="current_password"
            label={m.t("ui-field-current-password")}
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={err("current_password")}
            autoFocus
            required
          />
          <NewPasswordFields
            label="ui-field-new-password"
            password={password}
            repeat={repeat}
            onPassword={setPassword}
            onRepeat={setRepeat}
            err={err}
          />
          <Button type="submit" loading={busy} data-testid="change-password-submit">
            {m.t("ui-change-password-submit")}
          </Button>
          <Button variant="subtle" onClick={onSignOut}>
            {m.t("ui-logout")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
