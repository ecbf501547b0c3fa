import {
  Alert,
  Paper,
  DirectionProvider,
  MantineProvider,
  createTheme,
  useDirection,
} from "@mantine/core";
import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from "react";
import type { AppStatus, CommandError, Session, StartStage } from "./bindings";
import { api, asCommandError } from "./lib/api";
import { Messages, type Lang } from "./lib/i18n";
import { I18nContext, useMessages } from "./context";
import { ConnectionForm } from "./components/ConnectionForm";
import { ErrorBoundary } from "./components/ErrorBoundary";

// Each screen is a chunk of its own (with its CSS), loaded when first used. The sign-in screen,
// which nearly every start shows, is fetched at once, while the database is still opening; the
// desk's shell and its first screen are fetched once the sign-in screen is on the window.
const loginChunk = import("./screens/Login");
const loadDesk = () => import("./screens/Desk");
const Login = lazy(() => loginChunk.then((m) => ({ default: m.Login })));
const FirstRun = lazy(() => import("./screens/FirstRun").then((m) => ({ default: m.FirstRun })));
const ChangePassword = lazy(() =>
  import("./screens/ChangePassword").then((m) => ({ default: m.ChangePassword })),
);
const Desk = lazy(() => loadDesk().then((m) => ({ default: m.Desk })));

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
    body = <Starting />;
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
            <ErrorBoundary messages={m}>
              <Suspense fallback={<Starting />}>
                {body}
                {(status || failure) && <FirstScreenShown signedIn={!!session} />}
              </Suspense>
            </ErrorBoundary>
          </I18nContext.Provider>
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}

/** The start-up's messages by what it waits for (`start_stage`). */
const STAGE_MESSAGES: Record<StartStage, string> = {
  starting: "ui-start-waiting",
  keychain: "ui-start-keychain",
  database: "ui-start-database",
  ready: "ui-start-waiting",
};

/**
 * While the desk opens the keychain and the database behind the window (`app_status` waits for
 * them): what it is waiting for, in the first paint's own markup (index.html, boot.css), so the
 * window does not change until there is a screen to show.
 */
function Starting() {
  const m = useMessages();
  const [stage, setStage] = useState<StartStage>("starting");
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof globalThis.setTimeout> | undefined;
    const poll = () => {
      api
        .startStage()
        .then((s) => {
          if (stopped) return;
          setStage(s);
          if (s !== "ready") timer = globalThis.setTimeout(poll, 100);
        })
        .catch((e: unknown) => console.error(e));
    };
    poll();
    return () => {
      stopped = true;
      globalThis.clearTimeout(timer);
    };
  }, []);
  return (
    <div className="boot" role="status" data-testid="starting" data-stage={stage}>
      <div className="boot-brand">{m.t("product-name")}</div>
      <div className="boot-subtitle">{m.t("ui-app-subtitle")}</div>
      <div className="boot-bar" />
      <div className="boot-note">{m.t(STAGE_MESSAGES[stage])}</div>
    </div>
  );
}

let firstScreenReported = false;

/**
 * Rendered beside the first real screen, once its chunk has loaded: after that screen is painted,
 * tells the desk (which then starts its background work) and fetches what comes next — the
 * desk's shell and its first screen, when the sign-in screen is the one showing.
 */
function FirstScreenShown({ signedIn }: { signedIn: boolean }) {
  useEffect(() => {
    if (firstScreenReported) return;
    firstScreenReported = true;
    requestAnimationFrame(() =>
      globalThis.setTimeout(() => {
        api.firstScreenShown().catch((e: unknown) => console.error(e));
        if (!signedIn) void loadDesk().then((m) => m.preloadFirstScreen());
      }, 0),
    );
  }, [signedIn]);
  return null;
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
