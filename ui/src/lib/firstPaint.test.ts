import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Messages } from "./i18n";

// The window's first paint is index.html's own markup and boot.css: no script has run yet.
describe("the first paint", () => {
  const html = readFileSync(join(__dirname, "../../index.html"), "utf8");
  const fa = new Messages("fa");

  it("is Persian, right to left, and says what the app is doing in the app's own words", () => {
    expect(html).toMatch(/<html lang="fa" dir="rtl">/);
    expect(html).toContain('class="boot"');
    for (const id of ["product-name", "ui-app-subtitle", "ui-start-waiting"]) {
      expect(html).toContain(fa.t(id));
    }
  });

  it("needs no inline script or style (the CSP forbids both) and nothing from the network", () => {
    expect(html).not.toMatch(/<style/);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)/);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it("preloads only the Vazirmatn weights the first screens use", () => {
    const preloaded = [...html.matchAll(/Vazirmatn-(\w+)\.woff2/g)].map((m) => m[1]);
    expect(preloaded.sort()).toEqual(["Bold", "Regular"]);
  });
});
