import { Alert, Button, Group, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useEffect, useState, type FormEvent } from "react";
import type { AuditReport, FileWritten, CommandError } from "../../bindings";
import { useDesk } from "../../context";
import { api, asCommandError } from "../../lib/api";
import { isolateLtr } from "../../lib/digits";
import { ErrorAlert, fieldErrors, splitError, useErrorText } from "../../components/errors";

/** An encrypted backup to a file, and a check of the audit log's hash chain. */
export function BackupSettings() {
  const { m } = useDesk();
  const text = useErrorText();
  const [path, setPath] = useState("");
  const [passphrase, setPassphrase] = useState("");
  const [errors, setErrors] = useState<Record<string, CommandError>>({});
  const [formError, setFormError] = useState<CommandError | null>(null);
  const [written, setWritten] = useState<FileWritten | null>(null);
  const [report, setReport] = useState<AuditReport | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api
      .suggestedBackupPath()
      .then((p) => setPath((current) => current || p))
      .catch(() => undefined);
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setWritten(null);
    setErrors({});
    setFormError(null);
    api
      .writeBackup(path, passphrase || null)
      .then((w) => {
        setWritten(w);
        setPassphrase("");
      })
      .catch((caught: unknown) => {
        const { field, form } = splitError(asCommandError(caught));
        setErrors(field);
        setFormError(form);
      })
      .finally(() => setBusy(false));
  };
  const verify = () => {
    setReport(null);
    api
      .verifyAudit()
      .then(setReport)
      .catch((caught: unknown) => setFormError(asCommandError(caught)));
  };
  const err = fieldErrors(errors, text);

  return (
    <Stack maw={560}>
      <form onSubmit={submit} noValidate data-testid="backup-form">
        <Stack>
          <Title order={5}>{m.t("ui-backup-title")}</Title>
          <Text size="sm" c="dimmed">
            {m.t("ui-backup-intro")}
          </Text>
          <ErrorAlert error={formError} />
          {written && (
            <Alert color="teal" data-testid="backup-written">
              {m.t("ui-backup-written", { path: isolateLtr(written.path), bytes: written.bytes })}
            </Alert>
          )}
          <TextInput
            name="backup.path"
            label={m.t("ui-field-backup-path")}
            value={path}
            onChange={(e) => setPath(e.currentTarget.value)}
            error={err("backup.path")}
            dir="ltr"
          />
          <PasswordInput
            name="backup.passphrase"
            label={m.t("ui-field-backup-passphrase")}
            description={m.t("ui-backup-passphrase-hint")}
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            error={err("passphrase")}
          />
          <Button type="submit" loading={busy} data-testid="backup-submit">
            {m.t("ui-backup-submit")}
          </Button>
        </Stack>
      </form>
      <Group>
        <Button variant="light" onClick={verify} data-testid="verify-audit">
          {m.t("ui-audit-verify")}
        </Button>
        {report && <AuditReportText report={report} />}
      </Group>
    </Stack>
  );
}

export function AuditReportText({ report }: { report: AuditReport }) {
  const { m } = useDesk();
  return report.intact ? (
    <Text c="teal" data-testid="audit-intact">
      {m.t("ui-audit-intact", { entries: report.entries })}
    </Text>
  ) : (
    <Text c="red" fw={700} data-testid="audit-broken">
      {m.t("ui-audit-broken", { seq: report.first_broken ?? 0 })}
    </Text>
  );
}
