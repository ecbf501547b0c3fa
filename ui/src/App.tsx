import {
  Alert,
  Center,
  Paper,
  DirectionProvider,
  Loader,
  MantineProvider,
  createTheme,
  useDirection,
} from "@mantine/core";
import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { AppStatus, CommandError, Session } from "./bindings";
import { api, asCommandError } from "./lib/api";
import { Messages, type Lang } from "./lib/i18n";
import { I18nContext, useMessages } from "./context";
import { FirstRun } from "./screens/FirstRun";
import { Login } from "./screens/Login";
import { ChangePassword } from "./screens/ChangePassword";
import { Desk } from "./screens/Desk";
import { ConnectionForm } from "./components/ConnectionForm";
import { ErrorBoundary } from "./components/ErrorBoundary";

const theme = createTheme({
  primaryColor: "teal",
  fontFamily: "Vazirmatn, Tahoma, sans-serif",
  headings: { fontFamily: "Vazirmatn, Tahoma, sans-serif" },
});

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: true } },
});

const LANG_KEY = "sanad.lang";

function initialLang(): Lang {
  return localStorage.getItem(LANG_KEY) === "en" ? "en" : "fa";
}

/** Keeps Mantine's direction in step with the language. */
function DirectionSync({ dir }: { dir: "rtl" | "ltr" }) {
  const { setDirection } = useDirection();
  useEffect(() => setDirection(dir), [dir, setDirection]);
  return null;
}

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const m = useMemo(() => new Messages(lang), [lang]);
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [failure, setFailure] = useState<CommandError | null>(null);
  const [session, setSession] = useState<Session | null>(null);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === "fa" ? "rtl" : "ltr";
    document.title = m.t("product-name");
    localStorage.setItem(LANG_KEY, lang);
  }, [lang, m]);

  const refresh = useCallback(() => {
    api
      .appStatus()
      .then((s) => {
        setFailure(null);
        setStatus(s);
        setSession(s.session);
      })
      .catch((e: unknown) => setFailure(asCommandError(e)));
  }, []);

  // Another database: nothing cached from the old one may show.
  const databaseChanged = useCallback(() => {
    queryClient.clear();
    setSession(null);
    refresh();
  }, [refresh]);

  useEffect(refresh, [refresh]);

  const signOut = useCallback(() => {
    api
      .logout()
      .catch(() => undefined)
      .finally(() => {
        queryClient.clear();
        setSession(null);
        refresh();
      });
  }, [refresh]);

  let body;
  if (failure) {
    body = <StartFailure failure={failure} onConnected={databaseChanged} />;
  } else if (!status) {
    body = (
      <Center h="100vh">
        <Loader aria-label={m.t("ui-loading")} />
      </Center>
    );
  } else if (status.needs_first_admin && !session) {
    body = <FirstRun status={status} onDone={setSession} onDatabaseChanged={databaseChanged} />;
  } else if (!session) {
    body = <Login lang={lang} onLang={setLang} onDone={setSession} />;
  } else if (session.must_change_password) {
    body = <ChangePassword session={session} onDone={setSession} onSignOut={signOut} />;
  } else {
    body = (
      <Desk
        key={session.username}
        session={session}
        database={status.database}
        lang={lang}
        onLang={setLang}
        onSignOut={signOut}
        onDatabaseChanged={databaseChanged}
      />
    );
  }

  return (
    <DirectionProvider initialDirection={lang === "fa" ? "rtl" : "ltr"} detectDirection>
      {/* The CSP forbids inline <style>: theme variables live in theme.css instead. */}
      <MantineProvider theme={theme} withCssVariables={false} withGlobalClasses={false}>
        <DirectionSync dir={lang === "fa" ? "rtl" : "ltr"} />
        <QueryClientProvider client={queryClient}>
          <I18nContext.Provider value={m}>
            <ErrorBoundary messages={m}>{body}</ErrorBoundary>
          </I18nContext.Provider>
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}

/** The database did not open: say why, and let the desk choose where its data is. */
function StartFailure({
  failure,
  onConnected,
}: {
  failure: CommandError;
  onConnected: () => void;
}) {
  const m = useMessages();
  const settings = useQuery({ queryKey: ["connection"], queryFn: api.connectionSettings });
  return (
    <Paper className="center-card" p="xl" shadow="sm" withBorder>
      <Alert color="red" title={m.t("ui-error-start")} mb="md" data-testid="start-failure">
        {m.t(failure.messageId, failure.args)}
      </Alert>
      {settings.data && !settings.data.from_environment && (
        <ConnectionForm
          current={settings.data.profile}
          shown={settings.data.shown}
          submitLabel={m.t("ui-db-connect")}
          onConnected={onConnected}
        />
      )}
    </Paper>
  );
}
