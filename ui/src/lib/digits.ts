// Digits as people type them: Persian (۰–۹), Arabic-Indic (٠–٩) or ASCII. Identifiers are sent
// to the core in ASCII (the core normalizes too; this only keeps what the user sees consistent).

const PERSIAN = "۰۱۲۳۴۵۶۷۸۹";
const ARABIC = "٠١٢٣٤٥٦٧٨٩";

/** Persian and Arabic-Indic digits to ASCII; everything else unchanged. */
export function toAsciiDigits(text: string): string {
  let out = "";
  for (const ch of text) {
    const p = PERSIAN.indexOf(ch);
    const a = ARABIC.indexOf(ch);
    out += p >= 0 ? String(p) : a >= 0 ? String(a) : ch;
  }
  return out;
}

/** ASCII and Arabic-Indic digits to Persian; everything else unchanged. */
export function toPersianDigits(text: string): string {
  let out = "";
  for (const ch of toAsciiDigits(text)) {
    out += ch >= "0" && ch <= "9" ? PERSIAN[ch.charCodeAt(0) - 48] : ch;
  }
  return out;
}

/** Digits for the given UI language. */
export function localDigits(text: string, lang: "fa" | "en"): string {
  return lang === "fa" ? toPersianDigits(text) : toAsciiDigits(text);
}

/**
 * A tracking code as typed or scanned, reduced to its digits: spaces, dashes and any digit
 * script are accepted. Returns null unless exactly twelve digits remain (the core checks the
 * check digit).
 */
export function trackingDigits(input: string): string | null {
  const digits = toAsciiDigits(input).replace(/[\s\-_‐-―]/g, "");
  return /^\d{12}$/.test(digits) ? digits : null;
}

/** `358122904417` → `3581-2290-4417`. */
export function groupCode(code: string): string {
  const d = toAsciiDigits(code);
  return d.length === 12 ? `${d.slice(0, 4)}-${d.slice(4, 8)}-${d.slice(8)}` : d;
}

/**
 * Wraps left-to-right text (a file path, a code) in Unicode isolates (LRI … PDI) so it keeps its
 * order inside a right-to-left sentence.
 */
export function isolateLtr(text: string): string {
  return `\u2066${text}\u2069`;
}
