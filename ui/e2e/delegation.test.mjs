// End-to-end: a director's leave (issue 16, item 6), in the real app on the database the desk
// and files suites left. The administrator records the appointing order at the desk, the
// reviewer appointed acting director sees the director's queue marked «به جانشینی از …»,
// approves one request from it (the timeline and the printed slip say who acted for whom),
// clears three more in one bulk decision — one changed meanwhile at another desk, one they
// forwarded themselves — and reads what was applied and what was refused and why. When the
// director is back the administrator ends the order, and the same step is refused.

import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe } from "node:test";
import {
  click,
  driver,
  env,
  login,
  logout,
  pageText,
  persian,
  pickOption,
  runTheApp,
  setLanguage,
  shot,
  status,
  step,
  textOf,
} from "./steps.mjs";

const CLI = env("E2E_CLI");
const DB_URL = env("E2E_DB_URL");
const PRINTER = env("E2E_PRINTER");
const PRINTER_OUT = env("E2E_PRINTER_OUT");
const WORK = env("E2E_WORK");
// The desk suite's people, as it leaves them (the director changed a one-time password there).
const ADMIN = { username: "admin", password: "admin-password-1", name: "مسئول سامانه" };
const CLERK = { username: "clerk1", password: "clerk-password-1", name: "مریم کاظمی" };
const ACTING = { username: "rev1", password: "rev-password-1", name: "رضا احمدی" };
const DIRECTOR = { username: "dir1", password: "dir-password-2", name: "زهرا محمدی" };
// A second reviewer, who forwards what the acting director may approve.
const REVIEWER2 = { username: "rev3", password: "rev3-password-1" };
const ORDER = "۱۲۳۴/ح/۰۵";

function cli(args, password, input, extra = {}) {
  return execFileSync(CLI, ["--db", DB_URL, ...args], {
    env: { ...process.env, SANAD_PASSWORD: password, ...extra },
    input,
    encoding: "utf8",
  });
}

/** Today plus `days`, as a Jalali date in Tehran with Persian digits, as an administrator types it. */
function jalaliDay(days) {
  const parts = new Intl.DateTimeFormat("en-US-u-ca-persian-nu-latn", {
    timeZone: "Asia/Tehran",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(new Date(Date.now() + days * 86_400_000));
  const part = (type) => parts.find((p) => p.type === type).value;
  const latin = `${part("year")}/${part("month")}/${part("day")}`;
  return latin.replace(/[0-9]/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[d]);
}

/** A request registered by the clerk and forwarded to the director by `reviewer`. */
function forwardedBy(reviewer, purpose) {
  const orgs = JSON.parse(cli(["--as", CLERK.username, "--json", "org", "list"], CLERK.password));
  const docs = JSON.parse(cli(["--as", CLERK.username, "--json", "doc", "list"], CLERK.password));
  const { tracking_code: code } = JSON.parse(
    cli(
      ["--as", CLERK.username, "request", "new", "--file", "-"],
      CLERK.password,
      JSON.stringify({
        requesting_org: orgs[0].id,
        documents: [docs[0].id],
        dispatch_mode: "certified_paper_copy",
        applicant: { name: "نرگس احمدی", national_code: "0499370899", mobile: "09121234567" },
        letter: { number: "۵۵/ب/۹", date: "1404/08/01" },
        purpose,
        priority: "normal",
      }),
    ),
  );
  for (const action of ["start_review", "forward"]) {
    cli(["--as", reviewer.username, "request", "act", code, action], reviewer.password);
  }
  return code;
}

/** The screen shown, at each small office size and in English: nothing scrolls sideways. */
async function lookSmallAndEnglish(name) {
  try {
    for (const [width, height, lang] of [
      [1024, 640, "fa"],
      [1366, 768, "fa"],
      [1024, 640, "en"],
    ]) {
      await driver.setWindowSize(width, height);
      await sleep(500);
      if (lang === "en") await setLanguage("en");
      const wide = await driver.execute(
        "return document.documentElement.scrollWidth > window.innerWidth + 1;",
      );
      assert.equal(wide, false, `${name} scrolls sideways at ${width}×${height} (${lang})`);
      await shot(`${name}-${lang}-${width}x${height}`);
    }
  } finally {
    await setLanguage("fa").catch(() => undefined);
    await driver.setWindowSize(1280, 800).catch(() => undefined);
  }
}

const queueRow = (code) => `[data-testid="queue-table"] tr[data-code="${code}"]`;

describe("A director's leave, end to end", { timeout: 400_000 }, () => {
  const codes = {};

  runTheApp();

  step("the administrator records the acting director's order at the desk", async () => {
    cli(
      [
        "--as",
        ADMIN.username,
        "user",
        "add",
        REVIEWER2.username,
        "--role",
        "reviewer",
        "--name",
        "سعید کریمی",
      ],
      ADMIN.password,
      undefined,
      { SANAD_NEW_PASSWORD: REVIEWER2.password },
    );
    codes.single = forwardedBy(REVIEWER2, "مرخصی مدیر: تأیید تکی");
    codes.bulkOk = forwardedBy(REVIEWER2, "مرخصی مدیر: گروهی");
    codes.changed = forwardedBy(REVIEWER2, "مرخصی مدیر: تغییر هم‌زمان");
    codes.own = forwardedBy(ACTING, "مرخصی مدیر: بررسی خود سرپرست");
    codes.after = forwardedBy(REVIEWER2, "پس از بازگشت مدیر");

    await login(ADMIN);
    await click('[data-testid="nav-admin"]');
    await click('[data-testid="tab-delegations"]');
    await driver.waitForElement('[data-testid="delegation-form"]');
    await click('[data-testid="delegation-from"]');
    await pickOption(DIRECTOR.name);
    await click('[data-testid="delegation-to"]');
    await pickOption(ACTING.name);
    const type = async (name, text) => {
      const el = await driver.waitForElement(`[data-testid="delegation-form"] [name="${name}"]`);
      await driver.clear(el);
      await driver.type(el, text);
    };
    // The order's period, typed in Persian digits as the order gives it: a week from today.
    await type("from_date", jalaliDay(0));
    await type("until", jalaliDay(7));
    await type("order", ORDER);
    await click('[data-testid="delegation-submit"]');
    const line = await driver.waitFor(async () => {
      const text = await textOf('[data-testid="delegation-list"]');
      return text.includes(ACTING.name) && text.includes(persian("ui-delegation-active")) && text;
    }, "the delegation listed as in force");
    assert.ok(line.includes(DIRECTOR.name), line);
    assert.ok(line.includes(ORDER), `the order's number in Persian digits: ${line}`);
    assert.doesNotMatch(line, /[0-9]/, "no Latin digits in the Persian list");
    await shot("40-delegation-recorded");
    await logout();
  });

  step("the acting director approves from the director's queue, marked as acting", async () => {
    await login(ACTING);
    await click('[data-testid="nav-queue"]');
    const mark = persian("delegation-acting-for").replace("{ $name }", DIRECTOR.name);
    for (const code of Object.values(codes)) {
      const text = await driver.waitFor(
        () => textOf(queueRow(code)),
        `the director's request ${code} in the acting queue`,
      );
      assert.ok(text.replace(/[\u2068\u2069]/g, "").includes(mark), text);
    }
    await shot("41-acting-queue");
    await click(`${queueRow(codes.single)} td`);
    await driver.waitForElement(`[data-testid="request-page"][data-code="${codes.single}"]`);
    await click('[data-testid="actions"] [data-action="approve"]');
    await driver.waitForElement('[data-testid="action-dialog"]');
    await sleep(500); // the dialog's opening transition
    await click('[data-testid="confirm-action"]');
    await driver.waitFor(async () => (await status()) === "approved", "approved");
    const timeline = await driver.waitFor(async () => {
      const t = (await textOf('[data-testid="timeline"]')).replace(/[\u2068\u2069]/g, "");
      return t.includes("به جانشینی از") && t;
    }, "the acting line in the timeline");
    assert.ok(timeline.includes(`${ACTING.name}، سرپرست`), timeline);
    assert.ok(timeline.includes(`به جانشینی از ${DIRECTOR.name}`), timeline);
    await shot("42-acting-approval-timeline");
    await logout();
  });

  step("the printed slip names the acting director and whom they acted for", async () => {
    cli(["--as", CLERK.username, "request", "act", codes.single, "dispatch"], CLERK.password);
    const before = existsSync(PRINTER_OUT) ? readdirSync(PRINTER_OUT) : [];
    await login(CLERK);
    const box = await driver.waitForElement('[data-testid="tracking-box"]');
    await driver.clear(box);
    await driver.type(box, codes.single);
    await driver.keys("\uE007");
    await click('[data-testid="track-open"]');
    await driver.waitForElement(`[data-testid="request-page"][data-code="${codes.single}"]`);
    await click('[data-testid="print-slip"]');
    await driver.waitForElement('[data-testid="slip-preview"] img');
    await click('[data-testid="slip-printer"]');
    await pickOption(PRINTER);
    await click('[data-testid="slip-send"]');
    await driver.waitFor(() => textOf('[data-testid="slip-sent"]'), "sent");
    const pdf = await driver.waitFor(
      () => readdirSync(PRINTER_OUT).find((f) => f.endsWith(".pdf") && !before.includes(f)) ?? null,
      "the printed slip in the printer's output folder",
      60000,
    );
    await sleep(1000);
    const page = join(WORK, "acting-slip");
    execFileSync("pdftoppm", ["-r", "200", "-png", "-singlefile", join(PRINTER_OUT, pdf), page]);
    execFileSync("cp", [`${page}.png`, join(env("E2E_SCREENSHOTS"), "43-acting-slip-printed.png")]);
    // The words themselves, from the slip the desk sent (the same drawing `sanad slip` makes).
    const out = join(WORK, "acting-slip.pdf");
    cli(["--as", CLERK.username, "slip", codes.single, "--out", out], CLERK.password);
    const text = execFileSync("pdftotext", ["-layout", out, "-"], { encoding: "utf8" });
    assert.ok(text.includes("سرپرست"), text);
    assert.ok(text.includes("به جانشینی از"), text);
    assert.ok(text.includes(DIRECTOR.name), text);
    await click(".mantine-Modal-close");
    await logout();
  });

  step(
    "one bulk approval: applied, changed meanwhile, and the acting director's own review",
    async () => {
      await login(ACTING);
      await click('[data-testid="nav-queue"]');
      for (const code of [codes.bulkOk, codes.changed, codes.own]) {
        await click(`[data-testid="bulk-pick"][data-code="${code}"]`);
      }
      await click('[data-testid="bulk-apply"]');
      await driver.waitForElement('[data-testid="bulk-confirm"]');
      const listed = await driver.waitFor(async () => {
        const t = await textOf('[data-testid="bulk-confirm"]');
        return t.includes("نرگس احمدی") && t;
      }, "the confirmation listing the requests");
      assert.equal((listed.match(/نرگس احمدی/g) || []).length, 3, listed);
      await shot("44-bulk-confirm");
      // Meanwhile, back for an hour, the director decides one of them at another desk.
      cli(
        ["--as", DIRECTOR.username, "request", "act", codes.changed, "approve"],
        DIRECTOR.password,
      );
      await sleep(500);
      await click('[data-testid="bulk-confirm-ok"]');
      await driver.waitForElement('[data-testid="bulk-result"]', 30000);
      const outcome = (code) =>
        driver.execute(
          "const li = document.querySelector('[data-testid=\"bulk-result\"] [data-code=\"' + arguments[0] + '\"]'); return li && [li.dataset.applied, li.textContent];",
          code,
        );
      const [okApplied] = await outcome(codes.bulkOk);
      const [changedApplied, changedText] = await outcome(codes.changed);
      const [ownApplied, ownText] = await outcome(codes.own);
      assert.equal(okApplied, "true");
      assert.equal(changedApplied, "false", changedText);
      assert.equal(ownApplied, "false", ownText);
      // Decided meanwhile: a conflict (the version seen) or a state changed, never applied twice.
      assert.ok(
        changedText.includes(persian("bulk-refusal-conflict")) ||
          changedText.includes(persian("bulk-refusal-state-changed")),
        changedText,
      );
      assert.ok(ownText.includes(persian("bulk-refusal-separation-of-duties")), ownText);
      assert.doesNotMatch(await textOf('[data-testid="bulk-result"]'), /[0-9]/);
      await shot("45-bulk-result");
      await lookSmallAndEnglish("45-bulk-result");
      await logout();
      const shown = JSON.parse(
        cli(["--as", CLERK.username, "--json", "request", "show", codes.bulkOk], CLERK.password),
      );
      assert.equal(shown.status, "approved");
      const own = JSON.parse(
        cli(["--as", CLERK.username, "--json", "request", "show", codes.own], CLERK.password),
      );
      assert.equal(own.status, "awaiting_director", "nothing applied to the request they reviewed");
    },
  );

  step("the director is back: the order ends and the same step is refused", async () => {
    await login(ADMIN);
    await click('[data-testid="nav-admin"]');
    await click('[data-testid="tab-delegations"]');
    await click('[data-testid="delegation-end"]');
    const ended = persian("ui-delegation-ended").split("{")[0].trim();
    await driver.waitFor(
      async () => (await textOf('[data-testid="delegation-list"]')).includes(ended),
      "the delegation ended",
    );
    await shot("46-delegation-ended");
    await lookSmallAndEnglish("46-delegations");
    await logout();
    const refused = spawnSync(
      CLI,
      ["--db", DB_URL, "--as", ACTING.username, "request", "act", codes.after, "approve"],
      { env: { ...process.env, SANAD_PASSWORD: ACTING.password }, encoding: "utf8" },
    );
    assert.equal(refused.status, 3, refused.stderr);
    await login(ACTING);
    await click('[data-testid="nav-queue"]');
    await driver.waitForElement('[data-testid="queue-counts"]');
    await sleep(1000);
    assert.equal(
      await driver.execute(
        "return document.querySelectorAll('[data-testid=\"acting-row\"]').length;",
      ),
      0,
      "no marked rows once the order has ended",
    );
    assert.ok(!(await pageText()).includes(persian("delegation-acting-for").split("{")[0].trim()));
    await logout();
  });
});
