import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Messages } from "./i18n";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("UI messages", () => {
  const fa = new Messages("fa");
  const en = new Messages("en");

  it("has every ui-… message the screens use, in Persian and English", () => {
    const root = join(__dirname, "..");
    const used = new Set<string>();
    for (const file of sourceFiles(root)) {
      for (const match of readFileSync(file, "utf8").matchAll(/"(ui-[a-z0-9-]+)"/g)) {
        used.add(match[1]);
      }
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((id) => !fa.has(id) || !en.has(id));
    expect(missing).toEqual([]);
  });

  it("formats the core's error arguments as the core's Localizer does", () => {
    const text = fa.t("error-action-not-allowed-in-state", {
      action: "approve",
      status: "under_review",
    });
    expect(text).toContain(fa.t("action-approve"));
    expect(text).toContain(fa.t("status-under-review"));
    expect(fa.t("error-too-long", { max: "200" })).toContain("۲۰۰");
    expect(en.t("error-too-long", { max: "200" })).toContain("200");
    expect(fa.spelled("status", "awaiting_director")).toBe(fa.t("status-awaiting-director"));
  });

  it("shows an unknown id as itself rather than nothing", () => {
    expect(fa.t("no-such-id")).toBe("no-such-id");
  });

  it("names audit events in words, and keeps an unknown one as recorded", () => {
    expect(fa.auditAction("user.login_failed")).toBe(fa.t("audit-user-login-failed"));
    expect(fa.auditAction("request.approve")).toContain(fa.t("action-approve"));
    expect(en.auditAction("request.send_back")).toContain(en.t("action-send-back"));
    expect(fa.auditAction("plugin.something_new")).toBe("plugin.something_new");
  });

  it("has a name for every audit event the core records", () => {
    const root = join(__dirname, "../../../crates/sanad-service/src");
    const recorded = new Set<string>();
    for (const file of readdirSync(root).filter((n) => n.endsWith(".rs"))) {
      const text = readFileSync(join(root, file), "utf8");
      for (const match of text.matchAll(
        /"((?:user|database|settings|organization|document|office|slip|request|complaint|notice|outbox|calendar|report)\.[a-z_]+)"/g,
      )) {
        recorded.add(match[1]);
      }
    }
    expect(recorded.size).toBeGreaterThan(15);
    const unnamed = [...recorded].filter((a) => fa.auditAction(a) === a || en.auditAction(a) === a);
    expect(unnamed).toEqual([]);
  });
});
