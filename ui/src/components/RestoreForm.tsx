import { Alert, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import type { AuditReport, CommandError } from "../bindings";
import { useMessages } from "../context";
import { api, asCommandError } from "../lib/api";
import { ErrorAlert, fieldErrors, splitError, useErrorText } from "./errors";

/** Restores a backup into this desk's new, empty database (first run only: the core refuses
 * a database that has users). */
export function RestoreForm({ onRestored }: { onRestored: () => void }) {
  const m = useMessages();
  const text = useErrorText();
  const [path, setPath] = useState("");
  const [passphrase, setPassphrase] = useState("");
  const [errors, setErrors] = useState<Record<string, CommandError>>({});
  const [formError, setFormError] = useState<CommandError | null>(null);
  const [report, setReport] = useState<AuditReport | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setFormError(null);
    api
      .restoreBackup(path, passphrase || null)
      .then(setReport)
      .catch((caught: unknown) => {
        const { field, form } = splitError(asCommandError(caught));
        setErrors(field);
        setFormError(form);
      })
      .finally(() => setBusy(false));
  };

  if (report) {
    return (
      <Stack>
        <Alert color="teal" data-testid="restore-done">
          {m.t("ui-restore-done", { entries: report.entries })}
        </Alert>
        <Button onClick={onRestored} data-testid="restore-continue">
          {m.t("ui-restore-continue")}
        </Button>
      </Stack>
    );
  }
  return (
    <form onSubmit={submit} noValidate data-testid="restore-form">
      <Stack>
        <Text size="sm" c="dimmed">
          {m.t("ui-restore-intro")}
        </Text>
        <ErrorAlert error={formError} />
        <TextInput
          name="backup.path"
          label={m.t("ui-field-backup-path")}
          value={path}
          onChange={(e) => setPath(e.currentTarget.value)}
          error={fieldErrors(errors, text)("backup.path") ?? fieldErrors(errors, text)("file")}
          dir="ltr"
          required
        />
        <PasswordInput
          name="backup.passphrase"
          label={m.t("ui-field-backup-passphrase")}
          description={m.t("ui-backup-passphrase-hint")}
          value={passphrase}
          onChange={(e) => setPassphrase(e.currentTarget.value)}
          error={fieldErrors(errors, text)("passphrase")}
        />
        <Button type="submit" loading={busy} data-testid="restore-submit">
          {m.t("ui-restore-submit")}
        </Button>
      </Stack>
    </form>
  );
}
