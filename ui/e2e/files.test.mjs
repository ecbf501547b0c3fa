// End-to-end: scans in the register and the agency's letter on a request (issue 15, item 1;
// issue 16, item 4), in the real app on the database the desk suite (desk.test.mjs) left: the
// clerk drops a PDF on a document and sees its first page drawn by the core, a text file named
// .pdf is refused in Persian with nothing stored, and the director reads the letter attached to
// a request without leaving the desk.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { describe } from "node:test";
import {
  click,
  driver,
  env,
  fill,
  login,
  logout,
  runTheApp,
  shot,
  step,
  textOf,
} from "./steps.mjs";

const CLI = env("E2E_CLI");
const DB_URL = env("E2E_DB_URL");
// The desk suite's clerk and director (desk.test.mjs creates them).
const CLERK = { username: "clerk1", password: "clerk-password-1", name: "مریم کاظمی" };
// The director replaced a one-time password in the desk suite: this is the password they chose.
const DIRECTOR = { username: "dir1", password: "dir-password-2", name: "زهرا محمدی" };

/** A one-page PDF with a framed, filled box: enough for the thumbnail to show something. */
function samplePdf(label) {
  const content = `0.85 0.9 0.8 rg 40 40 515 762 re f 0 0 0 RG 6 w 40 40 515 762 re S BT /F1 30 Tf 110 690 Td (${label}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Resources << /Font << /F1 3 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let out = "%PDF-1.7\n";
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) out += `${String(at).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1").toString("base64");
}

/** Drops a file on a drop zone the way a file manager does (a DataTransfer with one File). */
async function drop(zone, name, base64, type) {
  await driver.execute(
    `const [sel, name, b64, type] = arguments;
     const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
     const dt = new DataTransfer();
     dt.items.add(new File([bytes], name, { type }));
     const el = document.querySelector(sel);
     el.dispatchEvent(new DragEvent("dragover", { bubbles: true, cancelable: true, dataTransfer: dt }));
     el.dispatchEvent(new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: dt }));
     return 1;`,
    zone,
    name,
    base64,
    type,
  );
}

function cli(args, password, input) {
  return execFileSync(CLI, ["--db", DB_URL, ...args], {
    env: { ...process.env, SANAD_PASSWORD: password },
    input,
    encoding: "utf8",
  });
}

describe("Scans and letters, end to end", { timeout: 300_000 }, () => {
  // The version the clerk's drop becomes: the desk suite already attached scans of 5501 with
  // `sanad` before dispatching its electronic copy.
  let version = 1;

  runTheApp();

  step("the clerk drops a deed's scan on the register and sees its first page", async () => {
    const [deed] = JSON.parse(
      cli(["--as", CLERK.username, "--json", "doc", "list", "5501"], CLERK.password),
    );
    const kept = JSON.parse(
      cli(["--as", CLERK.username, "--json", "doc", "files", deed.id], CLERK.password),
    );
    version = kept.length + 1;
    await login(CLERK);
    await click('[data-testid="nav-admin"]');
    await click('[data-testid="tab-docs"]');
    await click('[data-testid="doc-scans-5501"]');
    await driver.waitForElement('[data-testid="doc-scans-drop"]');
    await drop(
      '[data-testid="doc-scans-drop"]',
      "deed-5501.pdf",
      samplePdf("Deed 5501"),
      "application/pdf",
    );
    await driver.waitForElement('[data-testid="doc-scans-done"]', 20000);
    const img = await driver.waitForElement(`[data-testid="thumbnail-${version}"]`, 20000);
    const src = await driver.property(img, "src");
    assert.match(src, /^data:image\/png;base64,/, "the thumbnail is the core's PNG, not the PDF");
    assert.ok(
      (await driver.execute(
        "return document.querySelector('[data-testid=\"thumbnail-' + arguments[0] + '\"]').naturalWidth;",
        version,
      )) > 0,
      "the thumbnail decoded as an image",
    );
    const row = await textOf(`[data-testid="kept-file-${version}"]`);
    assert.ok(row.includes("نسخهٔ جاری"), row);
    assert.ok(row.includes("۱ صفحه"), `Persian digits in the facts: ${row}`);
    await shot("30-document-scan");
  });

  step("a text file named .pdf is refused in Persian and nothing is kept", async () => {
    const text = Buffer.from("این فقط یک متن است", "utf8").toString("base64");
    await drop('[data-testid="doc-scans-drop"]', "not-a-deed.pdf", text, "application/pdf");
    await driver.waitForElement('[data-testid="doc-scans"] [data-testid="form-error"]', 20000);
    const error = await textOf('[data-testid="doc-scans"] [data-testid="form-error"]');
    assert.ok(error.includes("متن"), error);
    assert.equal(
      await driver.execute(
        "return document.querySelectorAll('[data-testid^=\"kept-file-\"]').length;",
      ),
      version,
      "no new version",
    );
    await shot("31-document-scan-refused");
    await click(".mantine-Modal-close");
    await logout();
  });

  step("the director reads the agency's letter on the request page", async () => {
    const orgs = JSON.parse(cli(["--as", CLERK.username, "--json", "org", "list"], CLERK.password));
    const docs = JSON.parse(cli(["--as", CLERK.username, "--json", "doc", "list"], CLERK.password));
    const request = JSON.parse(
      cli(
        ["--as", CLERK.username, "request", "new", "--file", "-"],
        CLERK.password,
        JSON.stringify({
          requesting_org: orgs[0].id,
          documents: [docs[0].id],
          dispatch_mode: "electronic_copy",
          applicant: { name: "حسین نادری", national_code: "0499370899", mobile: "09121234567" },
          letter: { number: "۷۷/د/۱۲", date: "1404/08/01" },
          purpose: "پیوست نامه",
          priority: "normal",
        }),
      ),
    );
    const code = request.tracking_code;
    await login(CLERK);
    await fill('[data-testid="tracking-box"]', code);
    await driver.keys("\uE007");
    // The tracking box answers with the request's state; its whole page is one click away.
    await click('[data-testid="track-open"]');
    await driver.waitForElement(`[data-testid="request-page"][data-code="${code}"]`);
    await drop(
      '[data-testid="request-files-drop"]',
      "letter-77.pdf",
      samplePdf("Letter 77"),
      "application/pdf",
    );
    await driver.waitForElement('[data-testid="request-files-done"]', 20000);
    await driver.waitForElement('[data-testid="request-files"] [data-testid="thumbnail-1"]', 20000);
    await shot("32-request-letter-attached");
    await logout();
    // The desk suite ends with this reviewer deactivated: the administrator brings them back.
    cli(["--as", "admin", "user", "activate", "rev1"], "admin-password-1");
    for (const action of ["start_review", "forward"]) {
      cli(["--as", "rev1", "request", "act", code, action], "rev-password-1");
    }
    await login(DIRECTOR);
    await click('[data-testid="nav-queue"]');
    await click(`[data-testid="queue-table"] tr[data-code="${code}"] td`);
    await driver.waitForElement(`[data-testid="request-page"][data-code="${code}"]`);
    await driver.waitForElement('[data-testid="request-files"] [data-testid="thumbnail-1"]', 20000);
    const letter = await textOf('[data-testid="request-files"] [data-testid="kept-file-1"]');
    assert.ok(letter.includes("نامهٔ دستگاه"), letter);
    assert.equal(
      await driver.execute(
        "return !!document.querySelector('[data-testid=\"request-files-drop\"]');",
      ),
      false,
      "the director reads the letter; only the registry attaches",
    );
    await shot("33-request-letter-director");
    await logout();
  });
  step(
    "the administrator brings in the register from a spreadsheet, seeing every refusal first",
    async () => {
      const pick = async (name, text) => {
        // The file a file manager would hand the picker (a File on the hidden input).
        await driver.execute(
          `const [name, text] = arguments;
         const input = document.querySelector('[data-testid="register-import"] input[type="file"]')
           || document.querySelector('input[type="file"][accept*="xlsx"]');
         const dt = new DataTransfer();
         dt.items.add(new File([text], name, { type: "text/csv" }));
         input.files = dt.files;
         input.dispatchEvent(new Event("change", { bubbles: true }));
         return 1;`,
          name,
          text,
        );
      };
      const header = "ردیف,شمارهٔ ثبت,عنوان سند,پلاک ثبتی,محل نگهداری\n";
      const good = "۱,۸۸۰۱,سند مالکیت انبار مرکزی,۴۵/۷,قفسهٔ ج\n۲,۸۸۰۲,سند زمین ورزشگاه,,\n";
      await login({ username: "admin", password: "admin-password-1", name: "مسئول سامانه" });
      await click('[data-testid="nav-admin"]');
      await click('[data-testid="tab-docs"]');
      await click('[data-testid="import-open"]');
      await driver.waitForElement('[data-testid="register-import"]');
      await pick("register.csv", `${header}${good}۳,۸۸۰۳,,,\n`);
      const plan = await driver.waitFor(() => textOf('[data-testid="import-plan"]'), "the plan");
      assert.ok(plan.includes("۲ سند تازه"), plan);
      const refused = await textOf('[data-testid="import-refused"] tr[data-row="4"]');
      assert.ok(refused.includes("۸۸۰۳") && refused.includes("الزامی"), refused);
      assert.equal(
        await driver.execute(
          "return document.querySelector('[data-testid=\"import-apply\"]').disabled;",
        ),
        true,
        "nothing may be written while a row is refused",
      );
      await shot("34-register-import-refused");
      await pick("register.csv", `${header}${good}`);
      await driver.waitFor(
        async () =>
          !(await driver.execute(
            "return document.querySelector('[data-testid=\"import-apply\"]').disabled;",
          )),
        "the corrected file may be written",
      );
      await click('[data-testid="import-apply"]');
      const done = await driver.waitFor(() => textOf('[data-testid="import-done"]'), "written");
      assert.ok(done.includes("۲ سند افزوده"), done);
      await shot("35-register-import-written");
      await click(".mantine-Modal-close");
      await driver.waitFor(
        async () => (await textOf('[data-testid="docs-table"]')).includes("سند زمین ورزشگاه"),
        "the imported document in the register",
      );
      const docs = JSON.parse(
        cli(["--as", "admin", "--json", "doc", "list", "8801"], "admin-password-1"),
      );
      assert.equal(docs.length, 1);
      assert.equal(docs[0].property_plate, "۴۵/۷");
      await logout();
    },
  );
});
