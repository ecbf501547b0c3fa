import { Alert, Button, PasswordInput, Select, Stack, TextInput } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import type { CommandError, MailTls } from "../../bindings";
import { useDesk } from "../../context";
import { api, asCommandError } from "../../lib/api";
import { options, useVocabulary } from "../../lib/vocabulary";
import { toAsciiDigits } from "../../lib/digits";
import { ErrorAlert, fieldErrors, splitError, useErrorText } from "../../components/errors";

/** The office's outgoing mail server for results sent to applicants; the password goes to the keychain. */
export function MailSettingsPanel() {
  const { m } = useDesk();
  const vocabulary = useVocabulary();
  const errorText = useErrorText();
  const queries = useQueryClient();
  const current = useQuery({ queryKey: ["mail"], queryFn: api.mailSettings });
  const [v, setV] = useState({
    host: "",
    port: "587",
    tls: "starttls" as MailTls,
    username: "",
    from: "",
  });
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Record<string, CommandError>>({});
  const [formError, setFormError] = useState<CommandError | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    const s = current.data;
    if (s)
      setV({
        host: s.host,
        port: String(s.port),
        tls: s.tls,
        username: s.username ?? "",
        from: s.from,
      });
  }, [current.data]);
  const err = fieldErrors(errors, errorText);
  const field = (name: "host" | "port" | "username" | "from") => ({
    name,
    value: v[name],
    dir: "ltr" as const,
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setV((s) => ({ ...s, [name]: value }));
      setSaved(false);
    },
    error: err(name),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const port = Number(toAsciiDigits(v.port.trim()));
    api
      .setMailSettings(
        {
          host: v.host,
          port: Number.isInteger(port) && port > 0 && port < 65536 ? port : 0,
          tls: v.tls,
          username: v.username.trim() ? v.username : null,
          from: v.from,
        },
        password || null,
      )
      .then((fresh) => {
        queries.setQueryData(["mail"], fresh);
        setPassword("");
        setErrors({});
        setSaved(true);
      })
      .catch((caught: unknown) => {
        const { field: f, form } = splitError(asCommandError(caught));
        setErrors(f);
        setFormError(form);
      });
  };
  return (
    <form onSubmit={submit} noValidate data-testid="mail-form">
      <Stack maw={520}>
        <ErrorAlert error={formError} />
        {saved && <Alert color="teal">{m.t("ui-saved")}</Alert>}
        <TextInput label={m.t("ui-mail-host")} {...field("host")} />
        <TextInput label={m.t("ui-mail-port")} {...field("port")} />
        <Select
          label={m.t("ui-mail-tls")}
          value={v.tls}
          allowDeselect={false}
          onChange={(t) => setV((s) => ({ ...s, tls: (t as MailTls | null) ?? "starttls" }))}
          data={options(vocabulary?.mail_tls_modes, m)}
        />
        <TextInput label={m.t("ui-mail-username")} {...field("username")} />
        <PasswordInput
          label={m.t("ui-mail-password")}
          description={m.t("ui-db-password-keychain")}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <TextInput label={m.t("ui-mail-from")} {...field("from")} />
        <Button type="submit">{m.t("ui-save")}</Button>
      </Stack>
    </form>
  );
}
