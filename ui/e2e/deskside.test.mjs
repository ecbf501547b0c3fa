// End-to-end: the desk's screens for the portal and the certified copy (issues 14 and 15), on
// the database the desk suite left (its people, its agency, its electronic-copy request with
// a certified copy, its signing key): the administrator issues an agency's system an API token
// (shown once) and revokes it, rotates the signing key and revokes the old one from a date; the
// clerk sees the certified copy on the request page and saves its PDF, which `sanad verify`
// accepts; the registration receipt in English. Every new dialog and screen is photographed in
// Persian and in English at 1366×768 and 1024×640.

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe } from "node:test";
import {
  click,
  driver,
  english,
  env,
  fill,
  login,
  logout,
  persian,
  pickOption,
  runTheApp,
  setLanguage,
  shot,
  step,
  textOf,
} from "./steps.mjs";

const CLI = env("E2E_CLI");
const DB_URL = env("E2E_DB_URL");
const WORK = env("E2E_WORK");
const ADMIN = { username: "admin", password: "admin-password-1", name: "مسئول سامانه" };
const CLERK = { username: "clerk1", password: "clerk-password-1", name: "مریم کاظمی" };
const ORG = "اداره کل راه و شهرسازی";
// The desk suite's request, dispatched as a certified electronic copy.
const { code } = JSON.parse(readFileSync(join(WORK, "state.json"), "utf8"));

function cli(args, password, input) {
  return execFileSync(CLI, ["--db", DB_URL, ...args], {
    env: { ...process.env, SANAD_PASSWORD: password },
    input,
    encoding: "utf8",
  });
}

const lang = () => driver.execute("return document.documentElement.lang;");
const t = async (id) => ((await lang()) === "en" ? english(id) : persian(id));

/** The screen as it is at 1366×768 and 1024×640 in the current language: nothing scrolls
 * sideways, and nothing inside an open dialog is wider than the dialog. */
async function atBothSizes(name) {
  const current = await lang();
  try {
    // Smaller first: WebKit under Xvfb may leave a grown window unpainted for a moment.
    for (const [width, height] of [
      [1024, 640],
      [1366, 768],
    ]) {
      await driver.setWindowSize(width, height);
      await sleep(1000);
      // A first picture makes WebKit paint the resized window; the one kept is the next.
      await driver.screenshot();
      const problems = await driver.execute(`
        const out = [];
        if (document.documentElement.scrollWidth > window.innerWidth + 1) out.push('the page scrolls sideways');
        for (const body of document.querySelectorAll('.mantine-Modal-body')) {
          if (body.scrollWidth > body.clientWidth + 1) out.push('a dialog scrolls sideways');
        }
        return out;`);
      assert.deepEqual(problems, [], `${name} at ${width}×${height} (${current})`);
      await shot(`${name}-${current}-${width}x${height}`);
    }
  } finally {
    await driver.setWindowSize(1280, 800).catch(() => undefined);
  }
}

async function openTab(tab) {
  await click('[data-testid="nav-admin"]');
  await click(`[data-testid="tab-${tab}"]`);
}

describe("The desk's portal and certified-copy screens, end to end", { timeout: 600_000 }, () => {
  runTheApp();

  step(
    "the administrator issues an agency's system a token, shown once, and revokes it",
    async () => {
      await login(ADMIN);
      for (const language of ["fa", "en"]) {
        if (language === "en") await setLanguage("en");
        const label = language === "fa" ? "سامانهٔ اسناد راه" : "Roads archive system";
        await openTab("api-tokens");
        await driver.waitForElement('[data-testid="api-tokens"]');
        await click('[data-testid="api-token-org"]');
        await pickOption(ORG);
        await fill('[data-testid="api-token-form"] [name="name"]', label);
        await click('[data-testid="api-token-submit"]');
        await driver.waitForElement('[data-testid="api-token-issued"]');
        const secret = await textOf('[data-testid="api-token-secret"]');
        assert.match(secret, /^sanad_pt_[0-9a-f]{64}$/);
        assert.ok(
          (await textOf('[data-testid="api-token-issued"]')).includes(
            await t("ui-token-shown-once"),
          ),
        );
        await atBothSizes("50-token-issued");
        await click('[data-testid="api-token-issued-close"]');
        // Never shown again: the list has the token, not its secret.
        const row = `[data-testid="api-token-list"] tr[data-label="${label}"]`;
        await driver.waitForElement(row);
        assert.ok(!(await textOf('[data-testid="api-tokens"]')).includes(secret));
        assert.equal(
          await textOf(`${row} [data-testid="api-token-state"]`),
          await t("ui-token-active"),
        );
        await atBothSizes("51-tokens");
        await click(`${row} [data-testid="api-token-revoke"]`);
        await driver.waitForElement('[data-testid="api-token-revoke-dialog"]');
        await atBothSizes("52-token-revoke");
        await click('[data-testid="api-token-revoke-confirm"]');
        await driver.waitFor(
          async () =>
            !(await textOf(`${row} [data-testid="api-token-revoke"]`)) &&
            (await textOf(`${row} [data-testid="api-token-state"]`)) !==
              (await t("ui-token-active")),
          "the token shown revoked",
        );
        const listed = JSON.parse(
          cli(["--as", ADMIN.username, "--json", "portal-token", "list"], ADMIN.password),
        );
        const stored = listed.find((x) => x.label === label);
        assert.ok(stored && stored.revoked, JSON.stringify(listed));
        assert.ok(!JSON.stringify(listed).includes(secret));
      }
      // The rate limit: refused out of range beside its field, in English, nothing changed.
      await fill('[data-testid="api-rate-limit"] [name="seconds"]', "0");
      await click('[data-testid="api-rate-limit-save"]');
      await driver.waitFor(
        () =>
          driver.execute(
            `const i = document.querySelector('[data-testid="api-rate-limit"] [name="seconds"]');
           const e = i && i.closest('.mantine-InputWrapper-root').querySelector('.mantine-InputWrapper-error');
           return e ? e.textContent : '';`,
          ),
        "the range error beside the field",
      );
      await shot("53-token-limit-error-en");
      await setLanguage("fa");
      await openTab("api-tokens");
      await fill('[data-testid="api-rate-limit"] [name="calls"]', "۱۲۰");
      await fill('[data-testid="api-rate-limit"] [name="seconds"]', "۳۰");
      await click('[data-testid="api-rate-limit-save"]');
      await driver.waitForElement('[data-testid="api-rate-limit-saved"]');
      await shot("53-token-limit-saved-fa");
    },
  );

  step(
    "the administrator rotates the signing key and revokes the old one from a date",
    async () => {
      await openTab("signing-keys");
      await driver.waitForElement('[data-testid="key-list"] tr[data-state="current"]');
      const before = JSON.parse(
        cli(["--as", ADMIN.username, "--json", "key", "list"], ADMIN.password),
      );
      const old = before.find((k) => k.state === "current");
      assert.ok(old, JSON.stringify(before));
      await atBothSizes("54-signing-keys");
      await click('[data-testid="key-rotate"]');
      await driver.waitForElement('[data-testid="key-confirm-dialog"]');
      await atBothSizes("55-key-rotate");
      await click('[data-testid="key-confirm"]');
      await driver.waitForElement('[data-testid="key-made"]');
      await driver.waitForElement(
        `[data-testid="key-list"] tr[data-kid="${old.kid}"][data-state="rotated"]`,
      );
      const after = JSON.parse(
        cli(["--as", ADMIN.username, "--json", "key", "list"], ADMIN.password),
      );
      assert.equal(after.length, before.length + 1);
      assert.equal(after.find((k) => k.kid === old.kid).state, "rotated");
      const fresh = after.find((k) => k.state === "current");
      assert.ok(fresh && fresh.kid !== old.kid && fresh.on_this_desk);
      // Rows and dates in Persian digits.
      const row = await textOf(`[data-testid="key-list"] tr[data-kid="${old.kid}"]`);
      assert.ok(/[۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2}/.test(row), row);
      assert.ok(!/[0-9]{4}\/[0-9]{2}/.test(row), `no Latin digits in the dates: ${row}`);
      await atBothSizes("56-signing-keys-rotated");
      // Revoked from a date ten years on: what it signed until then still verifies.
      await click(`[data-testid="key-list"] tr[data-kid="${old.kid}"] [data-testid="key-revoke"]`);
      await driver.waitForElement('[data-testid="key-revoke-dialog"]');
      await fill('[data-testid="key-revoke-dialog"] [name="from"]', "۱۴۱۴/۰۱/۰۱");
      await atBothSizes("57-key-revoke");
      await click('[data-testid="key-revoke-confirm"]');
      await driver.waitForElement(
        `[data-testid="key-list"] tr[data-kid="${old.kid}"][data-state="revoked"]`,
      );
      const revoked = JSON.parse(
        cli(["--as", ADMIN.username, "--json", "key", "list"], ADMIN.password),
      );
      assert.equal(revoked.find((k) => k.kid === old.kid).state, "revoked");
      await setLanguage("en");
      await openTab("signing-keys");
      await driver.waitForElement('[data-testid="key-list"] tr[data-state="revoked"]');
      await atBothSizes("56-signing-keys-rotated");
      await click('[data-testid="key-rotate"]');
      await driver.waitForElement('[data-testid="key-confirm-dialog"]');
      await atBothSizes("55-key-rotate");
      await click('[data-testid="key-confirm-dialog"] .mantine-Modal-close');
      await click(`[data-testid="key-list"] tr[data-state="current"] [data-testid="key-revoke"]`);
      await driver.waitForElement('[data-testid="key-revoke-dialog"]');
      await atBothSizes("57-key-revoke");
      await click('[data-testid="key-revoke-dialog"] .mantine-Modal-close');
      await setLanguage("fa");
      await logout();
    },
  );

  step("the request page shows the certified copy and saves its PDF, which verifies", async () => {
    await login(CLERK);
    await fill('[data-testid="tracking-box"]', code);
    await driver.keys("\uE007");
    await click('[data-testid="track-open"]');
    await driver.waitForElement(`[data-testid="request-page"][data-code="${code}"]`);
    await driver.waitForElement('[data-testid="request-ecopy"]', 20000);
    const sha = await textOf('[data-testid="ecopy-sha256"]');
    assert.match(sha, /^[0-9a-f]{64}$/);
    const token = await textOf('[data-testid="ecopy-token"]');
    assert.ok(token.startsWith("SD1:"), token);
    const issued = await textOf('[data-testid="ecopy-issued"]');
    assert.ok(/^[۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2}/.test(issued), issued);
    // The PDF is never opened by the webview: no frame, object or embed on the page.
    assert.equal(
      await driver.execute("return document.querySelectorAll('iframe, object, embed').length;"),
      0,
    );
    await driver.execute(
      "document.querySelector('[data-testid=\"request-ecopy\"]').scrollIntoView(); return 1;",
    );
    await atBothSizes("58-request-ecopy");
    const saveTo = join(WORK, "ecopy-saved.pdf");
    await fill('[data-testid="ecopy-path"]', saveTo);
    await click('[data-testid="ecopy-save"]');
    await driver.waitForElement('[data-testid="ecopy-saved"]');
    const bytes = readFileSync(saveTo);
    assert.equal(createHash("sha256").update(bytes).digest("hex"), sha);
    const verified = spawnSync(CLI, ["--db", DB_URL, "--as", CLERK.username, "verify", saveTo], {
      env: { ...process.env, SANAD_PASSWORD: CLERK.password },
      encoding: "utf8",
    });
    assert.equal(verified.status, 0, verified.stdout + verified.stderr);
    await setLanguage("en");
    await driver.waitForElement('[data-testid="request-ecopy"]');
    await driver.execute(
      "document.querySelector('[data-testid=\"request-ecopy\"]').scrollIntoView(); return 1;",
    );
    await atBothSizes("58-request-ecopy");
  });

  step("the registration receipt in English", async () => {
    await click('[data-testid="nav-new"]');
    await click('[data-testid="picker-requesting_org"]');
    await driver.type(await driver.find('[data-testid="picker-requesting_org"]'), "راه");
    await pickOption(ORG);
    await click('[data-testid="picker-documents"]');
    await driver.type(await driver.find('[data-testid="picker-documents"]'), "5501");
    await pickOption("سند مالکیت ساختمان اداری");
    await fill('[name="applicant.name"]', "Sara Nikname");
    await fill('[name="applicant.national_code"]', "0499370899");
    await fill('[name="applicant.mobile"]', "09121234567");
    await fill('[name="letter.number"]', "88/E/12");
    await fill('[name="letter.date"]', "1404/08/01");
    await fill('[name="purpose"]', "For the court");
    await click('[data-testid="submit-request"]');
    await driver.waitForElement('[data-testid="receipt-preview"] img', 30000);
    assert.equal(await textOf('[data-testid="receipt-once"]'), english("ui-receipt-pin-once"));
    const pin = await driver.execute(
      "return document.querySelector('[data-testid=\"receipt-pin\"]').dataset.pin;",
    );
    assert.equal(await textOf('[data-testid="receipt-pin"]'), pin, "Latin digits in English");
    await atBothSizes("05-receipt-dialog");
    await click('[data-testid="receipt-paper"]');
    await pickOption(english("ui-slip-paper-80mm"));
    await driver.waitForElement('[data-testid="receipt-preview"] img');
    await sleep(500);
    await shot("05-receipt-dialog-80mm-en");
    await click('[data-testid="receipt-close"]');
    await setLanguage("fa");
    await logout();
  });
});
