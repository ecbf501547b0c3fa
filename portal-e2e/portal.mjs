// The portal in a real browser: headless Debian Chromium driven over WebDriver (chromedriver)
// against a real sanad-portal on loopback, as an agency's officer and a member of the public
// would use it. Run by portal-e2e/run.sh, which prepares the database with `sanad` and passes:
// PORTAL_URL, DRIVER_URL, SHOTS (folder), CODE and PIN (a request registered at a desk, its
// follow-up PIN from `sanad request new`), OTP (the officer's one-time password), and
// SANAD_BIN/SANAD_DB for a reviewer's step taken with `sanad` while the officer watches.

import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
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

/** `sanad --as USER ARGS…` on the portal's database; its standard output. */
function sanad(user, password, ...args) {
  return execFileSync(env("SANAD_BIN"), ["--as", user, ...args], {
    env: { ...process.env, SANAD_DB: env("SANAD_DB"), SANAD_PASSWORD: password },
    stdio: "pipe",
  }).toString();
}

/** `1404/10/07 18:00`: a moment as `sanad` takes it (Jalali date, Tehran time). */
function jalali(date) {
  const parts = new Intl.DateTimeFormat("en-u-ca-persian-nu-latn", {
    timeZone: "Asia/Tehran", year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }).formatToParts(date);
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${p.year}/${p.month}/${p.day} ${p.hour}:${p.minute}`;
}

const path = () => driver.execute("return location.pathname");
const latin = (s) => s.replace(/[۰-۹]/g, (d) => "۰۱۲۳۴۵۶۷۸۹".indexOf(d));

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
    await driver.click(await driver.waitForElement(`table a[href="/requests/${code}"]`));
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

  let submitted = "";
  await step("the electronic form refuses a bad national code in Persian beside its field", async () => {
    await driver.go("/requests/new");
    await shot("11a-form");
    await driver.click(await driver.waitForElement("input[name=documents]"));
    await fill("#applicant_name", "مریم احمدی");
    await fill("#national_code", "1234567890");
    await fill("#mobile", "۰۹۱۲۱۲۳۴۵۶۷");
    await fill("#letter_number", "۴۵۶/د");
    await fill("#letter_date", "۱۴۰۴/۰۸/۰۱");
    await fill("#purpose", "ارسال سند برای ثبت قرارداد اجاره");
    await driver.type(await driver.waitForElement("#letter"), env("LETTER"));
    await submit();
    const error = await driver.text(await driver.waitForElement("#national_code ~ p.field-error"));
    assert(error.includes("کد ملی"), error);
    const kept = await driver.property(await driver.waitForElement("#applicant_name"), "value");
    assert(kept === "مریم احمدی", `kept: ${kept}`);
    await noLatinDigits();
    await shot("11b-form-field-error");
  });

  await step("corrected, with the agency's letter, it registers and shows the receipt with the PIN", async () => {
    await fill("#national_code", "0499370899");
    await driver.type(await driver.waitForElement("#letter"), env("LETTER"));
    await submit();
    const receipt = await driver.text(await driver.waitForElement("section.receipt"));
    assert(receipt.includes("رمز پیگیری") && receipt.includes("sanad.example.ir"), receipt);
    const codeText = await driver.text(await driver.waitForElement("section.receipt dd.code"));
    const pinText = await driver.text(await driver.waitForElement("section.receipt dd.pin"));
    submitted = latin(codeText).replace(/-/g, "");
    assert(/^[0-9]{12}$/.test(submitted), codeText);
    assert(/^[۰-۹]{8}$/.test(pinText), pinText);
    const text = (await driver.bodyText()).replace("sanad.example.ir", "");
    assert(!/[0-9]/.test(text), `Latin digits: ${text.slice(0, 300)}`);
    await shot("12-receipt");
    // Both papers' receipts, kept beside the screenshots (rendered to PNG and looked at).
    // The page's CSP lets no script fetch: the test fetches the links with the browser's cookie.
    const cookies = await driver.request("GET", driver.s("/cookie"));
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const links = await driver.execute(
      "return [...document.querySelectorAll('a.button')].map(a => a.href)",
    );
    assert(links.length === 2, `links: ${links}`);
    for (const [i, paper] of [[0, "a5"], [1, "80mm"]]) {
      const response = await fetch(links[i], { headers: { cookie } });
      const bytes = Buffer.from(await response.arrayBuffer());
      const type = response.headers.get("content-type");
      assert(type === "application/pdf" && bytes.subarray(0, 4).toString() === "%PDF", type);
      writeFileSync(join(shots, `receipt-${paper}.pdf`), bytes);
    }
    const files = sanad("reviewer", env("STAFF_PW"), "--json", "request", "files", submitted);
    assert(files.includes("png"), files);
  });

  await step("a send-back made with sanad shows its reason and the correction form", async () => {
    sanad("reviewer", env("STAFF_PW"), "request", "act", submitted, "start_review");
    sanad("reviewer", env("STAFF_PW"), "request", "act", submitted, "send_back", "--note", "شمارهٔ نامه خوانا نیست");
    await driver.go(`/requests/${submitted}`);
    const text = await driver.bodyText();
    assert(text.includes("شمارهٔ نامه خوانا نیست") && text.includes("اصلاح و ارسال دوباره"), text);
    await noLatinDigits();
    await shot("13-sent-back");
  });

  await step("the agency corrects it and resubmits; reviewer and director act with sanad", async () => {
    await fill("#letter_number", "۴۵۶/د/اصلاحی");
    await submit("#correct ~ form button[type=submit]");
    await driver.waitFor(async () => (await driver.bodyText()).includes("دوباره به دبیرخانه فرستاده شد"), "resubmitted");
    await shot("14-resubmitted");
    sanad("reviewer", env("STAFF_PW"), "request", "act", submitted, "start_review");
    sanad("reviewer", env("STAFF_PW"), "request", "act", submitted, "forward");
    sanad("director", env("STAFF_PW"), "request", "act", submitted, "approve");
    await driver.go(`/requests/${submitted}`);
    const text = await driver.bodyText();
    assert(text.includes("تأیید"), text);
    assert(!text.includes("کاربر reviewer") && !text.includes("کاربر director"), text);
    await noLatinDigits();
    await shot("15-approved");
  });

  await step("a complaint about the request is filed, its code and PIN shown once", async () => {
    await driver.go("/complaints/new");
    await fill("#mobile", "۰۹۱۲۱۲۳۴۵۶۷");
    await fill("#text", "نامهٔ اصلاحی دیر دیده شد");
    await submit();
    const text = await driver.text(await driver.waitForElement("section.receipt"));
    assert(text.includes("رمز پیگیری") && text.includes("ثبت شده"), text);
    await noLatinDigits();
    await shot("16-complaint");
  });

  await step("in a read-only window the form is refused with the window's end in Persian", async () => {
    const now = Date.now();
    const out = sanad("admin", env("ADMIN_PW"), "--json", "notice", "add", "--kind", "maintenance",
      "--from", jalali(new Date(now - 5 * 60_000)), "--to", jalali(new Date(now + 2 * 3_600_000)),
      "--text", "به‌روزرسانی سامانه", "--read-only");
    const notice = JSON.parse(out);
    try {
      await driver.go("/requests/new");
      assert((await driver.bodyText()).includes("به‌روزرسانی سامانه"), "the notice on the page");
      await driver.click(await driver.waitForElement("input[name=documents]"));
      await fill("#applicant_name", "مریم احمدی");
      await submit();
      const alert = await driver.text(await driver.waitForElement("main p.error[role=alert]"));
      assert(alert.includes("فقط‌خواندنی") || alert.includes("تا"), alert);
      await noLatinDigits();
      await shot("17-read-only");
    } finally {
      sanad("admin", env("ADMIN_PW"), "notice", "cancel", notice.id);
    }
  });

  if (process.env.SANAD_TEST_PG_STOP && env("SANAD_DB").startsWith("postgres")) {
    await step("the database stopped: a Persian page, and back by itself", async () => {
      execFileSync("bash", ["-c", process.env.SANAD_TEST_PG_STOP]);
      try {
        await driver.go("/requests");
        const text = await driver.bodyText();
        assert(text.includes("پایگاه داده"), text);
        await noLatinDigits();
        await shot("18-database-down");
      } finally {
        execFileSync("bash", ["-c", process.env.SANAD_TEST_PG_START]);
      }
      await driver.waitFor(async () => {
        await driver.go("/requests");
        return (await path()) === "/requests" && (await driver.bodyText()).includes("درخواست‌های");
      }, "the portal back", 30000);
      await shot("19-database-back");
    });
  }

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
  // Issue 15: the court (a third party) receives the certified electronic copy of ECODE.
  const ecode = env("ECODE");
  const egrouped = persian(`${ecode.slice(0, 4)}-${ecode.slice(4, 8)}-${ecode.slice(8)}`);
  /** The page at the office screen (1366×768) and a phone's width (390 px), then back. */
  async function sizes(name) {
    await driver.setWindowSize(1366, 768);
    await shot(`${name}-1366`);
    await driver.setWindowSize(390, 844);
    const overflow = await driver.execute(
      "return document.documentElement.scrollWidth > document.documentElement.clientWidth",
    );
    await shot(`${name}-390`);
    await driver.setWindowSize(1100, 900);
    assert(!overflow, `${name} overflows sideways at 390 px`);
  }
  /** The page's text without the signing key's id (hex, an identifier shown left to right). */
  async function readable() {
    return driver.execute(
      "const c = document.body.cloneNode(true); c.querySelectorAll('bdi.kid').forEach(e => e.remove()); return c.innerText",
    );
  }
  let copyFile = "";

  await step("the court's officer signs in and finds the request among its received ones", async () => {
    await driver.go("/login");
    await fill("#username", "court1");
    await fill("#password", env("COURT_PW"));
    await submit();
    await driver.waitFor(async () => (await path()) === "/requests", "/requests");
    const text = await driver.bodyText();
    assert(text.includes("درخواست‌های دریافتی") && text.includes(egrouped), text);
    await noLatinDigits();
    await sizes("20-received");
  });

  await step("its page offers the copy; the download is a PDF and the request is delivered", async () => {
    await driver.click(await driver.waitForElement(`a[href="/requests/${ecode}"]`));
    const link = await driver.property(await driver.waitForElement("#ecopy-download"), "href");
    assert((await driver.bodyText()).includes("رونوشت الکترونیکی گواهی‌شده"), "the copy's box");
    await noLatinDigits();
    await sizes("21-received-request");
    const cookies = await driver.request("GET", driver.s("/cookie"));
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const response = await fetch(link, { headers: { cookie } });
    const bytes = Buffer.from(await response.arrayBuffer());
    assert(response.headers.get("content-type") === "application/pdf", response.headers.get("content-type"));
    assert(response.headers.get("content-disposition").startsWith("attachment"), "an attachment");
    assert(bytes.subarray(0, 5).toString() === "%PDF-", "a PDF");
    copyFile = resolve(shots, "ecopy.pdf");
    writeFileSync(copyFile, bytes);
    await driver.go(`/requests/${ecode}`);
    const text = await driver.bodyText();
    assert(text.includes("سند به مقصد تحویل داده شده است.") && text.includes("تحویل‌شده"), text);
    await noLatinDigits();
    await sizes("22-delivered");
    const shown = JSON.parse(sanad("clerk", env("STAFF_PW"), "--json", "request", "show", ecode));
    assert(shown.status === "delivered", `sanad request show: ${shown.status}`);
    const last = shown.history[shown.history.length - 1];
    assert(last.action === "confirm_delivery" && last.user_name === "کارشناس دادگستری", JSON.stringify(last));
  });

  await step("/verify: the downloaded copy uploaded is authentic and in force", async () => {
    await driver.go("/verify");
    await noLatinDigits();
    await sizes("23-verify");
    await driver.type(await driver.waitForElement("#copy"), copyFile);
    await submit('form[action="/verify/copy"] button[type=submit]');
    const box = await driver.waitForElement("#verdict");
    const cls = await driver.property(box, "className");
    assert(cls.includes("authentic") && !cls.includes("not-authentic"), cls);
    const text = await readable();
    assert(text.includes("اصیل است") && text.includes(egrouped) && text.includes("دادگستری استان"), text);
    assert(!text.includes("رضایی") && !text.includes("0499370899"), "no personal data");
    assert(!/[0-9]/.test(text), `Latin digits: ${text.slice(0, 400)}`);
    await sizes("24-verify-copy-authentic");
  });

  await step("/verify: one byte changed in the copy is refused", async () => {
    const bytes = readFileSync(copyFile);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    const altered = copyFile.replace(/\.pdf$/, "-altered.pdf");
    writeFileSync(altered, bytes);
    await driver.go("/verify");
    await driver.type(await driver.waitForElement("#copy"), altered);
    await submit('form[action="/verify/copy"] button[type=submit]');
    const cls = await driver.property(await driver.waitForElement("#verdict"), "className");
    assert(cls.includes("not-authentic"), cls);
    assert((await readable()).includes("اصیل نیست"), "refused in Persian");
    await sizes("25-verify-copy-altered");
  });

  await step("/verify: the pasted token is authentic, one changed character is not", async () => {
    const token = env("COPY_TOKEN");
    await driver.go("/verify");
    await fill("#token", token);
    await submit('form[action="/verify/token"] button[type=submit]');
    let cls = await driver.property(await driver.waitForElement("#verdict"), "className");
    assert(cls.includes("authentic") && !cls.includes("not-authentic"), cls);
    await sizes("26-verify-token-authentic");
    const i = Math.floor(token.length / 2);
    const altered = token.slice(0, i) + (token[i] === "A" ? "B" : "A") + token.slice(i + 1);
    await driver.go("/verify");
    await fill("#token", altered);
    await submit('form[action="/verify/token"] button[type=submit]');
    cls = await driver.property(await driver.waitForElement("#verdict"), "className");
    assert(!cls.includes(" authentic"), cls);
    await noLatinDigits().catch(() => undefined);
    await sizes("27-verify-token-altered");
  });

  await step("/verify in English", async () => {
    await driver.go("/verify?lang=en");
    await fill("#token", env("COPY_TOKEN"));
    await submit('form[action="/verify/token"] button[type=submit]');
    const dir = await driver.execute("return document.documentElement.dir");
    assert(dir === "ltr", `dir=${dir}`);
    assert((await driver.bodyText()).includes("Authentic") || (await driver.bodyText()).includes("authentic"), "English verdict");
    await sizes("28-verify-english");
    await driver.go("/verify?lang=fa");
  });
} finally {
  await driver.quit();
}

console.log(`${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
