// Launch time and idle memory of the desk against the empty Tauri window (tools/minimal-window),
// measured alternately in one run: run by `bash scripts/measure-launch.sh` (which builds both
// in release, starts Xvfb, a keychain session and tauri-driver). Reported, never asserted.
//
// Method. Each launch is a new WebDriver session (tauri-driver → WebKitWebDriver starts the
// binary). The clock starts just before the session is requested. "Rendered" is decided in the
// page itself: one asynchronous script per wait checks the condition on every animation frame
// and answers the first frame it holds, so the figure does not depend on a polling interval.
//   - the desk: to the sign-in form; then the clerk's name and password are typed through
//     WebDriver and the clock is stopped while typing (a person's typing is not the desk's
//     time); from the click on «ورود» to the first rendered queue (its counts shown, no loader
//     left, its table or its "nothing waiting" line). launch → queue = (launch → sign-in) +
//     (submit → queue).
//   - the empty window: to its page's one paragraph.
// Idle PSS: ten seconds after that, the sum of Pss in /proc/PID/smaps_rollup over the app's
// process tree (the app, WebKit's web and network processes).
// The order alternates (desk first in odd rounds, the empty window first in even ones), so
// neither always meets a cold or a warm cache. The last line is one JSON object.

import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { WebDriver } from "./webdriver.mjs";
import { processTree, pssKiB } from "./proc.mjs";

const {
  E2E_APP: APP,
  E2E_CLI: CLI,
  E2E_DB_URL: DB,
  E2E_DRIVER_URL: URL,
  E2E_MINIMAL_APP: MINIMAL,
} = process.env;
const ROUNDS = Number(process.env.MEASURE_ROUNDS ?? 5);
const IDLE_MS = Number(process.env.MEASURE_IDLE_MS ?? 10_000);
const driver = new WebDriver(URL);
const CLERK = { username: "clerk1", password: "clerk-password-1" };

function cli(args, env) {
  execFileSync(CLI, ["--db", DB, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

function pssMiB(exe) {
  return processTree(exe).reduce((kib, pid) => kib + pssKiB(pid), 0) / 1024;
}

/**
 * Resolves at the first animation frame on which `condition` (a JavaScript expression) holds in
 * the page. Retried while the page is not there yet (the session can start before it loads).
 */
async function rendered(condition, what, timeoutMs = 60_000) {
  const until = performance.now() + timeoutMs;
  const script = `const done = arguments[arguments.length - 1];
    const check = () => { try { if (${condition}) return done(true); } catch (e) {}
      requestAnimationFrame(check); };
    check();`;
  for (;;) {
    try {
      await driver.request("POST", driver.s("/execute/async"), { script, args: [] });
      return performance.now();
    } catch (error) {
      if (performance.now() > until) throw new Error(`${what} not rendered: ${error.message}`);
      await sleep(5);
    }
  }
}

const SIGN_IN = `!!document.querySelector('[data-testid="login"] [name="password"]')`;
// The queue's counts are drawn, and no loader is left (the queue's own, or a screen's chunk).
const QUEUE = `!!document.querySelector('[data-testid="queue-counts"]') &&
  !document.querySelector('.mantine-Loader-root')`;

async function desk() {
  const launched = performance.now();
  await driver.start(APP);
  const signIn = await rendered(SIGN_IN, "the sign-in screen");
  await driver.type(await driver.find('[data-testid="login"] [name="username"]'), CLERK.username);
  await driver.type(await driver.find('[data-testid="login"] [name="password"]'), CLERK.password);
  const submit = await driver.find('[data-testid="login-submit"]');
  const submitted = performance.now();
  await driver.click(submit);
  const queue = await rendered(QUEUE, "the queue");
  await sleep(IDLE_MS);
  const pss = pssMiB(APP);
  await driver.quit();
  return {
    sign_in_ms: signIn - launched,
    queue_ms: signIn - launched + (queue - submitted),
    pss_mib: pss,
  };
}

async function minimal() {
  const launched = performance.now();
  await driver.start(MINIMAL);
  const shown = await rendered(`!!document.querySelector('[data-testid="ready"]')`, "the page");
  await sleep(IDLE_MS);
  const pss = pssMiB(MINIMAL);
  await driver.quit();
  return { page_ms: shown - launched, pss_mib: pss };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (x, digits = 1) => Number(x.toFixed(digits));

// A desk that has been set up: an administrator and a clerk, so the app opens at sign-in.
mkdirSync(dirname(DB.replace(/^sqlite:\/\//, "")), { recursive: true });
cli(["init", "--admin", "admin"], { SANAD_PASSWORD: "admin-password-1" });
cli(["--as", "admin", "user", "add", CLERK.username, "--role", "clerk", "--name", "کارمند"], {
  SANAD_PASSWORD: "admin-password-1",
  SANAD_NEW_PASSWORD: CLERK.password,
});
await driver.waitFor(() => fetch(`${URL}/status`).then((r) => r.ok), "tauri-driver", 30000);

const desks = [];
const minimals = [];
for (let i = 0; i < ROUNDS; i++) {
  const order = i % 2 === 0 ? ["desk", "minimal"] : ["minimal", "desk"];
  for (const which of order) {
    await sleep(1500); // the previous tree gone, the display idle
    if (which === "desk") {
      const d = await desk();
      desks.push(d);
      console.log(
        `round ${i + 1} desk:    sign-in ${d.sign_in_ms.toFixed(0)} ms, queue ${d.queue_ms.toFixed(0)} ms, idle PSS ${d.pss_mib.toFixed(1)} MiB`,
      );
    } else {
      const m = await minimal();
      minimals.push(m);
      console.log(
        `round ${i + 1} minimal: page ${m.page_ms.toFixed(0)} ms, idle PSS ${m.pss_mib.toFixed(1)} MiB`,
      );
    }
  }
}

const deskSignIn = median(desks.map((d) => d.sign_in_ms));
const deskQueue = median(desks.map((d) => d.queue_ms));
const deskPss = median(desks.map((d) => d.pss_mib));
const minimalPage = median(minimals.map((m) => m.page_ms));
const minimalPss = median(minimals.map((m) => m.pss_mib));
const [load1, load5, load15] = readFileSync("/proc/loadavg", "utf8").split(" ").map(Number);
console.log(
  JSON.stringify({
    rounds: ROUNDS,
    method: "tauri-driver, in-page frame check; desk to the first queue minus typing",
    desk_sign_in_ms: round(deskSignIn, 0),
    desk_queue_ms: round(deskQueue, 0),
    minimal_page_ms: round(minimalPage, 0),
    queue_ratio: round(deskQueue / minimalPage, 2),
    sign_in_ratio: round(deskSignIn / minimalPage, 2),
    desk_pss_mib: round(deskPss),
    minimal_pss_mib: round(minimalPss),
    pss_ratio: round(deskPss / minimalPss, 2),
    load_average: [load1, load5, load15],
  }),
);
