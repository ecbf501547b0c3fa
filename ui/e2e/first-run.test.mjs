// End-to-end, a second desk: a new install chooses the office's PostgreSQL server at first run
// (the password goes to the OS keychain, not a file), restores the first desk's backup into that
// new, empty database, and after a restart goes straight to sign-in. scripts/e2e.sh runs it with a
// fresh user data folder after desk.test.mjs, which wrote the backup. Given the commands that stop
// and start the server (scripts/test.sh sets them), it also takes the server away under the desk.

import assert from "node:assert/strict";
import { execSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe } from "node:test";
import {
  APP,
  click,
  deskLog,
  driver,
  env,
  fill,
  login,
  pageText,
  persian,
  runTheApp,
  shot,
  status,
  step,
  textOf,
} from "./steps.mjs";

const WORK = env("E2E_WORK");
const PG = {
  host: env("E2E_PG_HOST"),
  port: env("E2E_PG_PORT"),
  database: env("E2E_PG_DATABASE"),
  user: env("E2E_PG_USER"),
};
const PG_PASSWORD = "e2e-keychain-only";
const CLERK = { username: "clerk1", password: "clerk-password-1", name: "مریم کاظمی" };
const { code, backup } = JSON.parse(readFileSync(join(WORK, "state.json"), "utf8"));

describe("Sanad Desk, a second desk on PostgreSQL", { timeout: 300_000 }, () => {
  runTheApp();

  step("first run connects to the office's PostgreSQL server", async () => {
    await driver.waitForElement('[data-testid="first-run"]', 30000);
    await click('[data-testid="change-database"]');
    await click('[data-testid="db-postgres"]');
    await fill('[name="connection.host"]', PG.host);
    await fill('[name="connection.port"]', PG.port);
    await fill('[name="connection.database"]', PG.database);
    await fill('[name="connection.user"]', PG.user);
    await fill('[name="connection.password"]', PG_PASSWORD);
    await shot("20-first-run-postgres");
    await click('[data-testid="connect-database"]');
    const where = `${PG.user}@${PG.host}:${PG.port}/${PG.database}`;
    await driver.waitFor(
      async () =>
        (await driver.text(await driver.find('[data-testid="database-location"]'))).includes(where),
      "the desk on PostgreSQL",
    );
    const saved = readFileSync(join(env("XDG_DATA_HOME"), "sanaddesk", "connection.json"), "utf8");
    assert.equal(JSON.parse(saved).backend, "postgres");
    assert.ok(!saved.includes(PG_PASSWORD), "the password is not in the desk's file");
  });

  step("a wrong passphrase restores nothing; the right one restores everything", async () => {
    await click('[data-testid="mode-restore"]');
    await fill('[data-testid="restore-form"] [name="backup.path"]', backup);
    await fill('[data-testid="restore-form"] [name="backup.passphrase"]', "not-the-passphrase");
    await click('[data-testid="restore-submit"]');
    const refused = await driver.waitFor(
      () => textOf('[data-testid="restore-form"] .mantine-InputWrapper-error'),
      "the passphrase refused",
    );
    assert.equal(refused, persian("error-backup-wrong-secret"));
    await fill('[data-testid="restore-form"] [name="backup.passphrase"]', "backup-pass-phrase-1");
    await click('[data-testid="restore-submit"]');
    await driver.waitForElement('[data-testid="restore-done"]');
    await shot("21-restored");
    await click('[data-testid="restore-continue"]');
    await login(CLERK);
    await fill('[data-testid="tracking-box"]', code);
    await driver.keys("\uE007");
    await driver.waitForElement('[data-testid="track-status"][data-state="dispatched"]');
    await click('[data-testid="track-open"]');
    await driver.waitForElement(`[data-testid="request-page"][data-code="${code}"]`);
    assert.equal(await status(), "dispatched");
  });

  step("the next start goes straight to sign-in on the same server", async () => {
    await driver.quit();
    await driver.start(APP);
    await driver.waitForElement('[data-testid="login"]', 30000);
    assert.ok(!(await pageText()).includes(persian("ui-first-run-title")));
    await login(CLERK);
    await sleep(300);
    await shot("22-second-desk-queue");
  });

  // The office's server goes away under a signed-in desk (a restart, a network cut) and comes back.
  const stopServer = process.env.SANAD_TEST_PG_STOP;
  const startServer = process.env.SANAD_TEST_PG_START;
  if (stopServer && startServer) {
    step(
      "while the server is away the desk says so, and it carries on by itself when it is back",
      async () => {
        execSync(stopServer, { stdio: "inherit" });
        try {
          await driver.waitFor(
            async () =>
              (await textOf('[data-testid="connection-lost"]')) === persian("ui-connection-lost"),
            "the desk telling the user the database is away",
            30000,
          );
          await fill('[data-testid="tracking-box"]', code);
          await driver.keys("\uE007");
          await driver.waitFor(
            async () => (await pageText()).includes(persian("error-connection-lost")),
            "the lookup refused with 'connection lost, nothing was saved'",
            40000,
          );
          await shot("23-server-away");
        } finally {
          execSync(startServer, { stdio: "inherit" });
        }
        await driver.waitFor(
          async () =>
            !(await driver.execute(
              "return document.querySelector('[data-testid=\"connection-lost\"]') !== null;",
            )),
          "the desk noticing the database is back",
          30000,
        );
        // Nothing was reopened by hand: the open lookup refreshes and finds the request again.
        await driver.waitForElement('[data-testid="track-status"][data-state="dispatched"]', 30000);
        await click('[data-testid="track-open"]');
        await driver.waitForElement(`[data-testid="request-page"][data-code="${code}"]`);
        assert.equal(await status(), "dispatched");
        // The administrator can read afterwards what happened; the password never went there.
        const log = deskLog();
        assert.match(log, /the database is away/);
        assert.match(log, /the database is back/);
        assert.ok(!log.includes(PG_PASSWORD), "the server's password is not in the log");
      },
    );
  }
});
