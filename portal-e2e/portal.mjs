// The portal in a real browser: headless Debian Chromium driven over WebDriver (chromedriver)
// against a real sanad-portal on loopback, as an agency's officer and a member of the public
// would use it. Run by portal-e2e/run.sh, which prepares the database with `sanad` and passes:
// PORTAL_URL, DRIVER_URL, SHOTS (folder), CODE and PIN (a request registered at a desk, its
// follow-up PIN from `sanad request new`), OTP (the officer's one-time password), and
// SANAD_BIN/SANAD_DB for a reviewer's step taken with `sanad` while the officer watches.

import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { WebDriver } from "../ui/e2e/webdriver.mjs";

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (run portal-e2e/run.sh)`);
  return value;
};
const portal = env("PORTAL_URL").replace(/\/$/, "");
const shots = env("SHOTS");
mkdirSync(shots, { recursive: true });

class Chromium extends WebDriver {
  async start() {
    const value = await this.request("POST", "/session", {
      capabilities: {
        alwaysMatch: {
          browserName: "chrome",
          "goog:chromeOptions": {
            binary: "/usr/bin/chromium",
            args: ["--headless=new", "--no-sandbox", "--window-size=1100,900", "--lang=fa"],
          },
        },
      },
    });
    this.session = value.sessionId;
  }
  go(path) {
    return this.request("POST", this.s("/url"), { url: `${portal}${path}` });
  }
  async bodyText() {
    return this.execute("return document.body.innerText");
  }
}

const driver = new Chromium(env("DRIVER_URL"));
let passed = 0;
const failures = [];

async function step(name, body) {
  try {
    await body();
    passed += 1;
    console.log(`ok - ${name}`);
  } catch (error) {
    failures.push(name);
    console.log(`not ok - ${name}: ${error.message}`);
    await shot(`failed-${name.replace(/\W+/g, "-")}`).catch(() => undefined);
  }
}

async function shot(name) {
  const png = await driver.screenshot();
  writeFileSync(join(shots, `${name}.png`), Buffer.from(png, "base64"));
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Persian text on a Persian page: no Latin digits anywhere in what a person reads. */
async function noLatinDigits() {
  const text = await driver.bodyText();
  const latin = text.match(/[0-9]/g);
  assert(!latin, `Latin digits on a Persian page: ${text.slice(0, 400)}`);
}

async function fill(css, text) {
  const id = await driver.waitForElement(css);
  await driver.clear(id);
  await driver.type(id, text);
}

async function submit(css = "main form button[type=submit]") {
  await driver.click(await driver.waitForElement(css));
}

const code = env("CODE");
const pin = env("PIN");
const wrongPin = pin === "12345678" ? "87654321" : "12345678";
const persian = (s) => s.replace(/[0-9]/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[d]);
const grouped = persian(`${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`);

try {
  await driver.start();

  await step("the front page is Persian, right to left, with the lookup form", async () => {
    await driver.go("/");
    const dir = await driver.execute("return document.documentElement.dir");
    const lang = await driver.execute("return document.documentElement.lang");
    assert(dir === "rtl" && lang === "fa", `dir=${dir} lang=${lang}`);
    const font = await driver.execute(
      "return document.fonts.check('16px Vazirmatn') && getComputedStyle(document.body).fontFamily",
    );
    assert(String(font).includes("Vazirmatn"), `font: ${font}`);
    await noLatinDigits();
    await shot("01-track");
  });

  await step("a wrong PIN is refused without saying whether the code exists", async () => {
    await fill("#code", persian(code));
    await fill("#pin", wrongPin);
    await submit();
    const error = await driver.text(await driver.waitForElement("p.error"));
    assert(error.includes("رمز پیگیری"), error);
    await noLatinDigits();
    await shot("02-track-wrong-pin");
  });

  await step("the right PIN shows the state as a sentence, since when, the next step", async () => {
    await fill("#code", code);
    await fill("#pin", persian(pin));
    await submit();
    const result = await driver.text(await driver.waitForElement("section.result"));
    assert(result.includes("درخواست ثبت شده و در نوبت بررسی است."), result);
    assert(result.includes(grouped), `${grouped} in ${result}`);
    assert(!result.includes("رضایی"), "no applicant's name");
    await noLatinDigits();
    await shot("03-track-found");
  });

  await step("the officer signs in with a one-time password and must change it", async () => {
    await driver.go("/login");
    await shot("04-login");
    await fill("#username", "officer");
    await fill("#password", env("OTP"));
    await submit();
    await driver.waitFor(async () => (await driver.execute("return location.pathname")) === "/password", "/password");
    const intro = await driver.bodyText();
    assert(intro.includes("یک‌بارمصرف"), intro);
    await shot("05-password-forced");
  });

  await step("a mismatched new password is refused beside its field, in Persian", async () => {
    await fill("#current", env("OTP"));
    await fill("#new", "officer-new-pass-1");
    await fill("#repeat", "officer-new-pass-2");
    await submit();
    const error = await driver.text(await driver.waitForElement("p.field-error"));
    assert(error.includes("یکی نیستند"), error);
    await shot("06-password-mismatch");
  });

  await step("the new password is taken and the agency's requests are listed", async () => {
    await fill("#current", env("OTP"));
    await fill("#new", "officer-new-pass-1");
    await fill("#repeat", "officer-new-pass-1");
    await submit();
    await driver.waitFor(async () => (await driver.execute("return location.pathname")) === "/requests", "/requests");
    const text = await driver.bodyText();
    assert(text.includes(grouped), `${grouped} in ${text}`);
    assert(text.includes("ثبت‌شده"), text);
    await noLatinDigits();
    await shot("07-requests");
  });

  await step("a reviewer's step taken with sanad appears on the agency's page", async () => {
    execFileSync(env("SANAD_BIN"), ["--as", "reviewer", "request", "act", code, "start_review"], {
      env: { ...process.env, SANAD_DB: env("SANAD_DB"), SANAD_PASSWORD: env("STAFF_PW") },
      stdio: "pipe",
    });
    await driver.go("/requests");
    const text = await driver.bodyText();
    assert(text.includes("در حال بررسی"), text);
    await noLatinDigits();
    await shot("08-requests-after-review");
  });

  await step("the request's page shows its state and public history, no staff names", async () => {
    await driver.click(await driver.waitForElement("table a"));
    const text = await driver.bodyText();
    assert(text.includes("کارشناس در حال بررسی درخواست است."), text);
    assert(text.includes("سابقهٔ درخواست"), text);
    assert(!text.includes("کاربر reviewer") && !text.includes("کاربر clerk"), text);
    await noLatinDigits();
    await shot("09-request-page");
  });

  await step("another agency's or an unknown code is not found", async () => {
    const unknown = code.slice(0, 11) + String((Number(code[11]) + 1) % 10);
    await driver.go(`/requests/${unknown}`);
    const text = await driver.bodyText();
    assert(text.includes("پیدا نشد"), text);
    await noLatinDigits();
    await shot("10-request-not-found");
  });

  await step("English is one click away and stays chosen", async () => {
    await driver.click(await driver.waitForElement("nav a[lang=en]"));
    const dir = await driver.execute("return document.documentElement.dir");
    assert(dir === "ltr", `dir=${dir}`);
    await driver.go("/");
    const lang = await driver.execute("return document.documentElement.lang");
    assert(lang === "en", `lang=${lang}`);
    await shot("11-track-english");
    await driver.click(await driver.waitForElement("nav a[lang=fa]"));
  });

  await step("signing out ends the session", async () => {
    await driver.go("/requests");
    await submit("nav form button");
    await driver.waitFor(async () => (await driver.execute("return location.pathname")) === "/login", "/login");
    await driver.go("/requests");
    const path = await driver.execute("return location.pathname");
    assert(path === "/login", path);
    await shot("12-signed-out");
  });
} finally {
  await driver.quit();
}

console.log(`${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
