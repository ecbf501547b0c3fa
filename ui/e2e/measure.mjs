// Measures the real app (reported, not asserted): time from launch to the first rendered screen
// and to the first rendered queue, and the idle memory (PSS) of the whole process tree (the app,
// WebKit's web and network processes) — then the same for a minimal Tauri window
// (tools/minimal-window), in the same run. Run by `bash scripts/e2e.sh --measure`.

import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { WebDriver } from "./webdriver.mjs";
import { processTree, pssKiB } from "./proc.mjs";

const { E2E_APP: APP, E2E_CLI: CLI, E2E_DB_URL: DB, E2E_DRIVER_URL: URL } = process.env;
const driver = new WebDriver(URL);
const CLERK = { username: "clerk1", password: "clerk-password-1" };

function cli(args, env) {
  execFileSync(CLI, ["--db", DB, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

function comm(pid) {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return "?";
  }
}

// A desk that has been set up: an administrator and a clerk, so the app opens at sign-in.
mkdirSync(dirname(DB.replace(/^sqlite:\/\//, "")), { recursive: true });
cli(["init", "--admin", "admin"], { SANAD_PASSWORD: "admin-password-1" });
cli(["--as", "admin", "user", "add", CLERK.username, "--role", "clerk", "--name", "کارمند"], {
  SANAD_PASSWORD: "admin-password-1",
  SANAD_NEW_PASSWORD: CLERK.password,
});

await driver.waitFor(() => fetch(`${URL}/status`).then((r) => r.ok), "tauri-driver", 30000);
const launched = performance.now();
await driver.start(APP);
await driver.waitForElement('[data-testid="login"]', 60000);
const signInShown = performance.now();
const typed = async (css, text) => driver.type(await driver.find(css), text);
await typed('[data-testid="login"] [name="username"]', CLERK.username);
await typed('[data-testid="login"] [name="password"]', CLERK.password);
const submitted = performance.now();
await driver.click(await driver.find('[data-testid="login-submit"]'));
await driver.waitFor(
  () =>
    driver.execute(
      "return !!document.querySelector('[data-testid=\"queue-counts\"]') && document.body.innerText.length > 0;",
    ),
  "the queue",
);
await driver.waitFor(
  () =>
    driver.execute(
      "return !document.querySelector('.mantine-Loader-root') && (!!document.querySelector('[data-testid=\"queue-table\"]') || document.body.innerText.includes('کارتابل'));",
    ),
  "the queue's first page",
);
const queueShown = performance.now();

await sleep(10_000); // idle: nothing typed, the queue refreshing itself
const tree = processTree(APP);
const rows = tree.map((pid) => ({ pid, name: comm(pid), pssMiB: pssKiB(pid) / 1024 }));
const total = rows.reduce((sum, r) => sum + r.pssMiB, 0);

const ms = (a, b) => `${Math.round(b - a)} ms`;
console.log("Sanad Desk (debug build unless E2E_APP points at a release one):", APP);
console.log(
  `  launch -> sign-in screen rendered:   ${ms(launched, signInShown)} (includes WebDriver session start)`,
);
console.log(`  sign-in submitted -> queue rendered: ${ms(submitted, queueShown)}`);
console.log(
  `  launch -> queue, minus typing:       ${ms(launched, signInShown + (queueShown - submitted))}`,
);
console.log(`  idle PSS of the process tree:        ${total.toFixed(1)} MiB`);
for (const r of rows)
  console.log(`    ${String(r.pid).padStart(7)} ${r.name.padEnd(20)} ${r.pssMiB.toFixed(1)} MiB`);
await driver.quit();

const MINIMAL = process.env.E2E_MINIMAL_APP;
if (MINIMAL) {
  await sleep(2000);
  const started = performance.now();
  await driver.start(MINIMAL);
  await driver.waitForElement('[data-testid="ready"]', 60000);
  const shown = performance.now();
  await sleep(10_000);
  const minimal = processTree(MINIMAL).map((pid) => ({
    pid,
    name: comm(pid),
    pssMiB: pssKiB(pid) / 1024,
  }));
  const minimalTotal = minimal.reduce((sum, r) => sum + r.pssMiB, 0);
  console.log("Minimal Tauri window (same build profile):", MINIMAL);
  console.log(
    `  launch -> page rendered:             ${ms(started, shown)} (includes WebDriver session start)`,
  );
  console.log(`  idle PSS of the process tree:        ${minimalTotal.toFixed(1)} MiB`);
  for (const r of minimal)
    console.log(`    ${String(r.pid).padStart(7)} ${r.name.padEnd(20)} ${r.pssMiB.toFixed(1)} MiB`);
  console.log(
    `Sanad Desk / minimal: start ${((signInShown - launched) / (shown - started)).toFixed(2)}x, memory ${(total / minimalTotal).toFixed(2)}x`,
  );
  await driver.quit();
}
