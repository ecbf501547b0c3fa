// Shared by the end-to-end suites: the WebDriver session, Persian messages from i18n/, and the
// small steps every screen needs (type, click, pick, read errors, sign in and out, screenshots).

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, it } from "node:test";
import { WebDriver } from "./webdriver.mjs";

export const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e through scripts/e2e.sh`);
  return value;
};

export const APP = env("E2E_APP");
export const SHOTS = env("E2E_SCREENSHOTS");
export const driver = new WebDriver(env("E2E_DRIVER_URL"));

/** Every Fluent file of a language, the common ones first (as the app loads them). */
function ftlFiles(lang) {
  const common = ["validation.ftl", "errors.ftl", "domain.ftl", "ui.ftl"];
  const all = readdirSync(new URL(`../../i18n/${lang}/`, import.meta.url)).filter((f) =>
    f.endsWith(".ftl"),
  );
  return [...common, ...all.filter((f) => !common.includes(f)).sort()];
}

/** Persian messages, read from the same files the app uses. */
export function persian(id) {
  for (const file of ftlFiles("fa")) {
    const text = readFileSync(new URL(`../../i18n/fa/${file}`, import.meta.url), "utf8");
    const line = text.split("\n").find((l) => l.startsWith(`${id} = `));
    if (line) return line.slice(id.length + 3).trim();
  }
  throw new Error(`no Persian message ${id}`);
}

/** English messages, read from the same files the app uses. */
export function english(id) {
  for (const file of ftlFiles("en")) {
    const text = readFileSync(new URL(`../../i18n/en/${file}`, import.meta.url), "utf8");
    const line = text.split("\n").find((l) => l.startsWith(`${id} = `));
    if (line) return line.slice(id.length + 3).trim();
  }
  throw new Error(`no English message ${id}`);
}

export async function shot(name) {
  await sleep(600); // let transitions (dialogs opening or closing) settle
  // Under Xvfb WebKit may not repaint an idle window: nudge it, so the picture is the page as is.
  await driver.execute("document.body.style.opacity = '0.999'; return 1;");
  await sleep(150);
  await driver.execute("document.body.style.opacity = ''; return 1;");
  await sleep(150);
  mkdirSync(SHOTS, { recursive: true });
  const png = await driver.screenshot();
  writeFileSync(join(SHOTS, `${name}.png`), Buffer.from(png, "base64"));
}

export async function fill(css, text) {
  const el = await driver.waitForElement(css);
  await driver.clear(el);
  await driver.type(el, text);
}

/** Clicks `css`; while an overlay is still fading out the click is intercepted: try again. */
export async function click(css) {
  await driver.waitFor(async () => {
    const id = await driver.find(css);
    try {
      await driver.click(id);
      return true;
    } catch (error) {
      if (/intercepted|not interactable/.test(error.message)) return false;
      throw error;
    }
  }, `a click on ${css}`);
}

/** Clicks the visible option of an open combobox whose text contains `label`. */
export async function pickOption(label) {
  const option = await driver.waitFor(
    () =>
      driver.execute(
        `const want = arguments[0];
         return [...document.querySelectorAll('[role="option"]')]
           .find((o) => o.offsetParent !== null && o.textContent.includes(want)) || null;`,
        label,
      ),
    `option ${label}`,
  );
  await driver.click(Object.values(option)[0]);
}

/** The error text Mantine shows beside the input named `name` (empty when none). */
export function fieldError(name) {
  return driver.execute(
    `const input = document.querySelector('[name="' + arguments[0] + '"]');
     const root = input && input.closest('.mantine-InputWrapper-root');
     const error = root && root.querySelector('.mantine-InputWrapper-error');
     return error ? error.textContent : '';`,
    name,
  );
}

export function pageText() {
  return driver.execute("return document.body.innerText;");
}

export async function login(user) {
  await driver.waitForElement('[data-testid="login"]');
  await fill('[data-testid="login"] [name="username"]', user.username);
  await fill('[data-testid="login"] [name="password"]', user.password);
  await click('[data-testid="login-submit"]');
  await driver.waitFor(
    async () => (await pageText()).includes(user.name),
    `${user.username} signed in`,
  );
}

export async function logout() {
  await click('[data-testid="logout"]');
  await driver.waitForElement('[data-testid="login"]');
}

export async function status() {
  return driver.execute(
    `const p = document.querySelector('[data-testid="request-page"]'); return p && p.dataset.status;`,
  );
}

/** Inside a suite: the app started through tauri-driver before its steps, and quit after. */
export function runTheApp() {
  before(async () => {
    await driver.waitFor(
      () => fetch(`${env("E2E_DRIVER_URL")}/status`).then((r) => r.ok),
      "tauri-driver",
      30000,
    );
    await driver.start(APP);
  });
  after(async () => {
    await driver.quit();
  });
}

// The steps build on each other: after a failure, keep its screen and page, and skip the rest.
let failed = false;
export function step(name, body) {
  it(name, async (t) => {
    if (failed) {
      t.skip("an earlier step failed");
      return;
    }
    try {
      await body();
    } catch (error) {
      failed = true;
      const slug = name.replace(/[^a-z]+/gi, "-").slice(0, 40);
      await shot(`failed-${slug}`).catch(() => undefined);
      const html = await driver
        .execute("return document.documentElement.outerHTML;")
        .catch((e) => String(e));
      mkdirSync(SHOTS, { recursive: true });
      writeFileSync(join(SHOTS, `failed-${slug}.html`), String(html));
      throw error;
    }
  });
}

/** The desk's log file (tauri-plugin-log, the app's log folder under XDG_DATA_HOME). */
export function deskLog() {
  const file = join(env("XDG_DATA_HOME"), "ir.gov.sanad.desk", "logs", "sanad-desk.log");
  return readFileSync(file, "utf8");
}

/** The text of the first element matching `css` (textContent: WebKit's WebDriver reads text
 * inside a dialog that is still transitioning as empty). */
export function textOf(css) {
  return driver.execute(
    "const el = document.querySelector(arguments[0]); return el ? el.textContent : '';",
    css,
  );
}

/** The desk in `lang` (the header's language picker), as a clerk switches it. */
export async function setLanguage(lang) {
  const current = await driver.execute("return document.documentElement.lang;");
  const label = current === "en" ? english("ui-language") : persian("ui-language");
  await click(`.desk-header input[aria-label="${label}"]`);
  await pickOption(current === "en" ? english(`ui-lang-${lang}`) : persian(`ui-lang-${lang}`));
  await driver.waitFor(
    async () => (await driver.execute("return document.documentElement.lang;")) === lang,
    `the desk in ${lang}`,
  );
  await sleep(300);
}
