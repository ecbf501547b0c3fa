// Fluent messages for the UI, from the same i18n/ files the core, the slip and the command line
// use (bundled at build time with Vite's `?raw` imports). Persian by default.

import { FluentBundle, FluentResource } from "@fluent/bundle";
import { localDigits } from "./digits";

export type Lang = "fa" | "en";

const files = import.meta.glob("../../../i18n/*/*.ftl", {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

/** Arguments whose value is a domain spelling (`under_review`) shown by its own message. */
const SPELLED_ARGS = ["status", "action", "role", "kind", "mode", "priority"];

export class Messages {
  private readonly bundle: FluentBundle;

  constructor(
    readonly lang: Lang,
    sources: Record<string, string> = files,
  ) {
    this.bundle = new FluentBundle(lang === "fa" ? "fa-IR" : "en-US", { useIsolating: false });
    for (const [path, text] of Object.entries(sources)) {
      if (path.includes(`/${lang}/`)) this.bundle.addResource(new FluentResource(text));
    }
  }

  has(id: string): boolean {
    return this.bundle.hasMessage(id);
  }

  /** The message `id`, with arguments localized as the core's Localizer does. Unknown ids show as themselves. */
  t(id: string, args: Record<string, string | number> = {}): string {
    const message = this.bundle.getMessage(id);
    if (!message?.value) return id;
    const local: Record<string, string> = {};
    for (const [name, raw] of Object.entries(args)) {
      const value = String(raw);
      const spelled = `${name}-${value.replace(/_/g, "-")}`;
      if (SPELLED_ARGS.includes(name) && this.has(spelled)) local[name] = this.t(spelled);
      else if (/\p{L}/u.test(value)) local[name] = value;
      else local[name] = this.digits(value);
    }
    return this.bundle.formatPattern(message.value, local);
  }

  /** Digits as this language writes them. */
  digits(text: string | number): string {
    return localDigits(String(text), this.lang);
  }

  /** An audit log action (`request.approve`, `user.login_failed`) in words, or as recorded. */
  auditAction(action: string): string {
    const own = `audit-${action.replace(/[._]/g, "-")}`;
    if (this.has(own)) return this.t(own);
    const [family, step] = action.split(".", 2);
    if (
      (family === "request" || family === "complaint") &&
      step &&
      this.has(`action-${step.replace(/_/g, "-")}`)
    ) {
      return this.t(`audit-${family}-step`, { action: step });
    }
    return action;
  }

  /** The message of a domain value: `status` + `under_review` → «در حال بررسی». */
  spelled(prefix: string, value: string): string {
    return this.t(`${prefix}-${value.replace(/_/g, "-")}`);
  }
}
