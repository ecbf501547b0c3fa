// A desk's barcode scanner is a keyboard that types the tracking code's twelve digits and Enter,
// much faster than a person. This detector sees every key press (anywhere in the app) and reports
// a code when twelve digits arrived in quick succession and Enter followed.

import { toAsciiDigits } from "./digits";

export interface ScannerOptions {
  /** The longest pause between two keys of one scan, in milliseconds. */
  maxGapMs: number;
}

export const DEFAULT_SCANNER: ScannerOptions = { maxGapMs: 80 };

export class ScanDetector {
  private digits = "";
  private last = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: ScannerOptions = DEFAULT_SCANNER) {}

  /**
   * Feeds one key press (`KeyboardEvent.key`) at time `at` (milliseconds). Returns the twelve
   * ASCII digits when this key is the Enter that ends a scan, otherwise null.
   */
  key(key: string, at: number): string | null {
    const gap = at - this.last;
    this.last = at;
    if (gap > this.options.maxGapMs) this.digits = "";
    if (key === "Enter") {
      const code = this.digits.length === 12 ? this.digits : null;
      this.digits = "";
      return code;
    }
    const ascii = toAsciiDigits(key);
    if (/^\d$/.test(ascii)) {
      this.digits = (this.digits + ascii).slice(-13);
    } else if (key !== "Shift") {
      this.digits = "";
    }
    return null;
  }
}
