import {
  Alert,
  Button,
  Center,
  Kbd,
  Loader,
  Modal,
  Select,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import {
  Fragment,
  Suspense,
  lazy,
  useEffect,
  useMemo,
  useRef,
  useState,
  type FormEvent,
} from "react";
import type { Session } from "../bindings";
import { DeskCtx, useMessages, type View } from "../context";
import { ACTIVITY_EVENTS, idleTimer } from "../lib/idle";
import { trackingDigits } from "../lib/digits";
import type { Lang } from "../lib/i18n";
import { ScanDetector } from "../lib/scanner";
import { NoticeBanners } from "../components/NoticeBanners";
import { useQueryClient } from "@tanstack/react-query";
import { api } from "../lib/api";
import { useVocabulary } from "../lib/vocabulary";
import { focusFirstField } from "../lib/focus";

// Each screen is a chunk of its own (with its CSS), loaded the first time it is shown.
const loadQueue = () => import("./Queue");
const QueueScreen = lazy(() => loadQueue().then((m) => ({ default: m.QueueScreen })));
const NewRequestScreen = lazy(() =>
  import("./NewRequest").then((m) => ({ default: m.NewRequestScreen })),
);
const RequestScreen = lazy(() => import("./Request").then((m) => ({ default: m.RequestScreen })));
const SearchScreen = lazy(() => import("./Search").then((m) => ({ default: m.SearchScreen })));
const AdminScreen = lazy(() => import("./Admin").then((m) => ({ default: m.AdminScreen })));
const AuditLogScreen = lazy(() =>
  import("./AuditLog").then((m) => ({ default: m.AuditLogScreen })),
);
const ComplaintsScreen = lazy(() =>
  import("./Complaints").then((m) => ({ default: m.ComplaintsScreen })),
);
const ComplaintScreen = lazy(() =>
  import("./Complaint").then((m) => ({ default: m.ComplaintScreen })),
);
const TrackScreen = lazy(() => import("./Track").then((m) => ({ default: m.TrackScreen })));
const ReportsScreen = lazy(() => import("./Reports").then((m) => ({ default: m.ReportsScreen })));

/** Fetches the queue's chunk ahead (most roles' first screen), while the sign-in screen shows. */
export function preloadFirstScreen() {
  void loadQueue();
}

/** A shortcut of the help: its keys (pressed together), what it does, and who has it. */
interface Shortcut {
  keys: string[];
  id: string;
  /** The keys are alternatives (← or →), not pressed together. */
  either?: boolean;
}

/** Keyboard shortcuts beside the screens' Alt + digit keys (which come with the session): each
 * listed only when this role has where it works (the tracking box, a form, a date field). */
function shortcutsFor(session: Session): Shortcut[] {
  const { screens, reads_requests: readsRequests } = session.permissions;
  const has = (screen: string) => screens.some((s) => s.screen === screen);
  const list: Shortcut[] = [
    ...[...screens]
      .sort((a, b) => a.alt_digit - b.alt_digit)
      .map((s) => ({ keys: ["Alt", String(s.alt_digit)], id: `ui-help-${s.screen}` })),
  ];
  if (readsRequests) list.push({ keys: ["F2"], id: "ui-help-tracking" });
  list.push({ keys: ["Ctrl", "Enter"], id: "ui-help-submit" });
  // Date fields are on the new-request form and the administrator's calendar and notices.
  if (has("new") || has("admin")) {
    list.push(
      { keys: ["↑"], id: "ui-help-date-next" },
      { keys: ["↓"], id: "ui-help-date-previous" },
      { keys: ["PageUp"], id: "ui-help-date-month-next" },
      { keys: ["PageDown"], id: "ui-help-date-month-previous" },
      { keys: ["="], id: "ui-help-date-today" },
    );
  }
  if (has("new")) list.push({ keys: ["←", "→"], id: "ui-help-choice", either: true });
  list.push({ keys: ["Esc"], id: "ui-help-escape" }, { keys: ["F1"], id: "ui-help-help" });
  return list;
}

export function Desk({
  session,
  database,
  lang,
  onLang,
  onSignOut,
  onDatabaseChanged,
}: {
  session: Session;
  database: string;
  lang: Lang;
  onLang: (l: Lang) => void;
  onSignOut: () => void;
  onDatabaseChanged: () => void;
}) {
  const m = useMessages();
  // What this role has, from the core: its screens in header order, each with its Alt digit.
  const { screens, reads_requests: readsRequests } = session.permissions;
  const [view, setView] = useState<View>({ name: screens[0]?.screen ?? "queue" });
  const [help, setHelp] = useState(false);
  const [code, setCode] = useState("");
  const codeBox = useRef<HTMLInputElement>(null);
  const mainRef = useRef<HTMLElement>(null);
  const desk = useMemo(() => ({ m, session, go: setView }), [m, session]);
  const queries = useQueryClient();
  useVocabulary(); // asked once now, so every select has its values when first opened
  const shortcuts = shortcutsFor(session);

  // Each screen starts with the keyboard in its first field (issue 12, item 4). Screens load
  // lazily and then their data: wait (a few seconds at most) for the field to be there.
  useEffect(() => {
    let frame = 0;
    const until = Date.now() + 4000;
    const tryFocus = () => {
      // Only while the keyboard is nowhere (the last screen's field went with it) or on the
      // header's screen buttons: whoever is already typing somewhere keeps their place.
      const at = document.activeElement;
      const idle = !at || at === document.body || at.closest(".desk-nav") !== null;
      if (!idle) return;
      if (focusFirstField(mainRef.current) || Date.now() > until) return;
      frame = window.requestAnimationFrame(tryFocus);
    };
    frame = window.requestAnimationFrame(tryFocus);
    return () => window.cancelAnimationFrame(frame);
  }, [view]);

  // Lists refresh when anything changes anywhere (another desk, the command line). An open
  // request page is left as the user sees it: acting on it still checks its version, and a
  // change made meanwhile comes back as a conflict with the fresh request.
  const [offline, setOffline] = useState(false);
  // The embedded database's file gone, replaced or read-only: said at once, with its path.
  const [fileProblem, setFileProblem] = useState<{ messageId: string; path: string } | null>(null);
  useEffect(() => {
    let pending: ReturnType<typeof globalThis.setTimeout> | undefined;
    api
      .watchChanges((signal) => {
        setOffline(signal.kind === "lost");
        setFileProblem(
          signal.kind === "file_problem"
            ? { messageId: signal.messageId, path: signal.path }
            : null,
        );
        if (signal.kind === "lost" || signal.kind === "file_problem") return;
        globalThis.clearTimeout(pending);
        pending = globalThis.setTimeout(() => {
          void queries.invalidateQueries({ predicate: (q) => q.queryKey[0] !== "request" });
        }, 150);
      })
      .catch((e: unknown) => console.error(e));
    return () => globalThis.clearTimeout(pending);
  }, [queries]);

  // Back to the sign-in screen after the policy's idle minutes without input.
  useEffect(() => {
    const timer = idleTimer(session.idle_minutes, onSignOut);
    // The core ends an idle session too: input that makes no call keeps it open (once a minute).
    let touchedCore = 0;
    const touch = () => {
      timer.touch();
      const now = Date.now();
      if (now - touchedCore > 60_000) {
        touchedCore = now;
        api.sessionTouch().catch(() => onSignOut());
      }
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, touch, { passive: true });
    return () => {
      timer.stop();
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, touch);
    };
  }, [session.idle_minutes, onSignOut]);

  // Shortcuts and the barcode scanner, anywhere in the window.
  useEffect(() => {
    const scanner = new ScanDetector();
    const onKey = (e: KeyboardEvent) => {
      const scanned = readsRequests ? scanner.key(e.key, e.timeStamp) : null;
      if (scanned) {
        e.preventDefault();
        e.stopPropagation();
        setCode("");
        setView({ name: "request", code: scanned });
        return;
      }
      if (e.key === "F1") {
        e.preventDefault();
        setHelp(true);
      } else if (e.key === "F2") {
        e.preventDefault();
        codeBox.current?.focus();
        codeBox.current?.select();
      } else if (e.altKey && !e.ctrlKey && /^Digit[1-7]$/.test(e.code)) {
        e.preventDefault();
        const digit = Number(e.code.slice(5));
        const target = screens.find((s) => s.alt_digit === digit);
        if (target) setView({ name: target.screen });
      }
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [readsRequests, screens]);

  const openCode = (e: FormEvent) => {
    e.preventDefault();
    const digits = trackingDigits(code);
    // The status first (a request or a complaint), as the clerk reads it to a caller.
    setView({ name: "track", code: digits ?? code });
  };

  const nav = (target: View, label: string, testId: string) => (
    <Button
      size="compact-md"
      variant={view.name === target.name ? "white" : "subtle"}
      color={view.name === target.name ? "teal" : "gray.0"}
      onClick={() => setView(target)}
      data-testid={testId}
    >
      {label}
    </Button>
  );

  return (
    <DeskCtx.Provider value={desk}>
      <header className="desk-header">
        <span className="desk-brand">{m.t("product-name")}</span>
        <nav className="desk-nav">
          {screens.map(({ screen }) => (
            <Fragment key={screen}>
              {nav({ name: screen }, m.t(`ui-nav-${screen}`), `nav-${screen}`)}
            </Fragment>
          ))}
        </nav>
        <div className="desk-spacer" />
        {readsRequests && (
          <form onSubmit={openCode}>
            <TextInput
              ref={codeBox}
              aria-label={m.t("ui-tracking-box")}
              placeholder={m.t("ui-tracking-box-placeholder")}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              dir="ltr"
              size="sm"
              className="tracking-box"
              data-testid="tracking-box"
            />
          </form>
        )}
        <Text size="sm" className="signed-in" data-testid="signed-in">
          <bdi>{session.display_name}</bdi>
          <span className="signed-in-role">
            {m.t("ui-signed-in-role", { role: m.spelled("role", session.role) })}
          </span>
        </Text>
        <Select
          aria-label={m.t("ui-language")}
          size="xs"
          className="desk-lang"
          value={lang}
          allowDeselect={false}
          onChange={(v) => onLang(v === "en" ? "en" : "fa")}
          data={[
            { value: "fa", label: m.t("ui-lang-fa") },
            { value: "en", label: m.t("ui-lang-en") },
          ]}
        />
        <Button size="compact-md" variant="subtle" color="gray.0" onClick={() => setHelp(true)}>
          {m.t("ui-nav-help")}
        </Button>
        <Button
          size="compact-md"
          variant="outline"
          color="gray.0"
          onClick={onSignOut}
          data-testid="logout"
        >
          {m.t("ui-logout")}
        </Button>
      </header>
      <main className="desk-main" ref={mainRef}>
        {offline && (
          <Alert color="red" mb="sm" data-testid="connection-lost">
            {m.t("ui-connection-lost")}
          </Alert>
        )}
        {fileProblem && (
          <Alert color="red" mb="sm" role="alert" data-testid="database-file-problem">
            {/* The path isolated left-to-right (LRI…PDI): its slashes stay where they were typed. */}
            {m.t(fileProblem.messageId, { path: `\u2066${fileProblem.path}\u2069` })}
          </Alert>
        )}
        <NoticeBanners />
        <Suspense
          fallback={
            <Center p="xl">
              <Loader aria-label={m.t("ui-loading")} />
            </Center>
          }
        >
          {view.name === "queue" && <QueueScreen />}
          {view.name === "new" && <NewRequestScreen />}
          {view.name === "search" && <SearchScreen />}
          {view.name === "admin" && (
            <AdminScreen database={database} onDatabaseChanged={onDatabaseChanged} />
          )}
          {view.name === "audit" && <AuditLogScreen />}
          {view.name === "complaints" && <ComplaintsScreen />}
          {view.name === "reports" && <ReportsScreen />}
          {view.name === "complaint" && <ComplaintScreen key={view.code} code={view.code} />}
          {view.name === "track" && <TrackScreen key={view.code} code={view.code} />}
          {view.name === "request" && <RequestScreen key={view.code} code={view.code} />}
        </Suspense>
      </main>
      <Modal
        opened={help}
        onClose={() => setHelp(false)}
        title={m.t("ui-help-title")}
        size="lg"
        data-testid="help-dialog"
      >
        <Table data-testid="help">
          <Table.Tbody>
            {shortcuts.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td className="help-keys">
                  {/* Key names read left to right in both languages («Alt+1», not «1+Alt»). */}
                  <bdi dir="ltr" data-testid="help-keys">
                    {s.keys.map((k, i) => (
                      <Fragment key={i}>
                        {i > 0 && (s.either ? " / " : "+")}
                        <Kbd>{k}</Kbd>
                      </Fragment>
                    ))}
                  </bdi>
                </Table.Td>
                <Table.Td>{m.t(s.id)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td />
              <Table.Td>{m.t("ui-help-scanner")}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Modal>
    </DeskCtx.Provider>
  );
}
