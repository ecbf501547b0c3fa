import {
  Button,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState, type FormEvent } from "react";
import type { CommandError, Session } from "../bindings";
import { useMessages } from "../context";
import { api, asCommandError } from "../lib/api";
import { NoticeBanners } from "../components/NoticeBanners";
import type { Lang } from "../lib/i18n";
import { ErrorAlert } from "../components/errors";

export function Login({
  lang,
  onLang,
  onDone,
}: {
  lang: Lang;
  onLang: (l: Lang) => void;
  onDone: (s: Session) => void;
}) {
  const m = useMessages();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<CommandError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    api
      .login(username, password)
      .then(onDone)
      .catch((e: unknown) => {
        setError(asCommandError(e));
        setPassword("");
      })
      .finally(() => setBusy(false));
  };

  return (
    <>
      <div className="login-banners">
        <NoticeBanners />
      </div>
      <Paper className="center-card" p="xl" shadow="sm" withBorder>
        <form onSubmit={submit} noValidate data-testid="login">
          <Stack>
            <Title order={2}>{m.t("ui-login-title")}</Title>
            <Text c="dimmed">{m.t("ui-app-subtitle")}</Text>
            <ErrorAlert error={error} />
            <TextInput
              name="username"
              label={m.t("ui-field-username")}
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              dir="ltr"
              autoFocus
              required
            />
            <PasswordInput
              name="password"
              label={m.t("ui-field-password")}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              required
            />
            <Button type="submit" loading={busy} data-testid="login-submit">
              {m.t("ui-login")}
            </Button>
            <SegmentedControl
              aria-label={m.t("ui-language")}
              value={lang}
              onChange={(v) => onLang(v === "en" ? "en" : "fa")}
              data={[
                { value: "fa", label: m.t("ui-lang-fa") },
                { value: "en", label: m.t("ui-lang-en") },
              ]}
            />
          </Stack>
        </form>
      </Paper>
    </>
  );
}
