// The Jalali (solar hijri) calendar on the platform's own ICU (Intl, calendar `persian`): the
// same source of truth in the webview and in Node (Vitest). Dates are plain {year, month, day}.

export interface JalaliDate {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;

const parts = new Intl.DateTimeFormat("en-US-u-ca-persian-nu-latn", {
  timeZone: "UTC",
  year: "numeric",
  month: "numeric",
  day: "numeric",
});

/** The Jalali date of a UTC calendar day (milliseconds at any time of that UTC day). */
export function fromUtcMillis(ms: number): JalaliDate {
  const out: JalaliDate = { year: 0, month: 0, day: 0 };
  for (const p of parts.formatToParts(new Date(ms))) {
    if (p.type === "year") out.year = Number.parseInt(p.value, 10);
    if (p.type === "month") out.month = Number.parseInt(p.value, 10);
    if (p.type === "day") out.day = Number.parseInt(p.value, 10);
  }
  return out;
}

function compare(a: JalaliDate, b: JalaliDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * The UTC midnight (milliseconds) of a Jalali date, or null when no such day exists
 * (1404/12/30, 1403/07/31, …).
 */
export function toUtcMillis(date: JalaliDate): number | null {
  const { year, month, day } = date;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  // Farvardin 1 falls on 20–22 March of year + 621: start there and walk the few days left.
  const dayOfYear = (month - 1) * 31 - Math.max(0, month - 7) + (day - 1);
  let ms = Date.UTC(year + 621, 2, 21) + dayOfYear * DAY_MS;
  for (let step = 0; step < 8; step++) {
    const c = compare(fromUtcMillis(ms), date);
    if (c === 0) return ms;
    ms += c < 0 ? DAY_MS : -DAY_MS;
  }
  return null;
}

export function isValid(date: JalaliDate): boolean {
  return toUtcMillis(date) !== null;
}

/** True when Esfand of `year` has 30 days. */
export function isLeapYear(year: number): boolean {
  return isValid({ year, month: 12, day: 30 });
}

export function daysInMonth(year: number, month: number): number {
  if (month <= 6) return 31;
  if (month <= 11) return 30;
  return isLeapYear(year) ? 30 : 29;
}

/** `1404/01/05`, ASCII digits (the core's format). */
export function format(date: JalaliDate): string {
  const p2 = (n: number) => String(n).padStart(2, "0");
  return `${date.year}/${p2(date.month)}/${p2(date.day)}`;
}

export type ParseResult =
  | { ok: true; date: JalaliDate }
  | { ok: false; messageId: "error-jalali-date-format" | "error-jalali-date-invalid" };

/**
 * Parses what a user typed: `1404/1/5`, `۱۴۰۴/۰۱/۰۵`, `1404-01-05`. The same rules as the core
 * (sanad-core jalali.rs), so the hint beside the field matches what the core will say.
 */
export function parse(input: string, toAscii: (s: string) => string): ParseResult {
  const text = toAscii(input.trim()).replace(/[-.]/g, "/");
  const m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text);
  if (!m) return { ok: false, messageId: "error-jalali-date-format" };
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  // The core's window (jalali.rs PARSE_YEARS): `2025/10/01` is a Gregorian date typed by
  // mistake, and the preview must not spell out a Jalali year 2025 the core then refuses.
  if (date.year < PARSE_YEARS[0] || date.year > PARSE_YEARS[1]) {
    return { ok: false, messageId: "error-jalali-date-invalid" };
  }
  return isValid(date) ? { ok: true, date } : { ok: false, messageId: "error-jalali-date-invalid" };
}

/** Years the core accepts in a typed date (sanad-core jalali.rs `PARSE_YEARS`). */
export const PARSE_YEARS = [1300, 1500] as const;

/** Today in Asia/Tehran. */
export function todayTehran(now: Date = new Date()): JalaliDate {
  // By parts, not by the formatted string: WebKitGTK formats "en-CA" as 12/01/2026, not
  // 2026-12-01, and WebView2 may differ again.
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: "Asia/Tehran",
    year: "numeric",
    month: "numeric",
    day: "numeric",
  }).formatToParts(now);
  const part = (type: string) =>
    Number.parseInt(parts.find((p) => p.type === type)?.value ?? "", 10);
  return fromUtcMillis(Date.UTC(part("year"), part("month") - 1, part("day")));
}

/** Moves a date by whole days (for the arrow keys in the date input). */
export function addDays(date: JalaliDate, days: number): JalaliDate {
  const ms = toUtcMillis(date);
  return ms === null ? date : fromUtcMillis(ms + days * DAY_MS);
}

/** An RFC 3339 instant as a Jalali date and time in Asia/Tehran: `1404/08/12 14:05`. */
export function formatInstant(rfc3339: string): string {
  const at = new Date(rfc3339);
  if (Number.isNaN(at.getTime())) return rfc3339;
  const f = new Intl.DateTimeFormat("en-US-u-ca-persian-nu-latn", {
    timeZone: "Asia/Tehran",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const get = (type: string) => f.formatToParts(at).find((p) => p.type === type)?.value ?? "";
  return `${get("year")}/${get("month")}/${get("day")} ${get("hour")}:${get("minute")}`;
}
