import { describe, expect, it } from "vitest";
import { toAsciiDigits } from "./digits";
import {
  addDays,
  daysInMonth,
  format,
  fromUtcMillis,
  isLeapYear,
  isValid,
  parse,
  todayTehran,
  toUtcMillis,
} from "./jalali";

describe("Jalali calendar", () => {
  it("knows 1403 is a leap year and 1404 is not", () => {
    expect(isValid({ year: 1403, month: 12, day: 30 })).toBe(true);
    expect(isValid({ year: 1404, month: 12, day: 30 })).toBe(false);
    expect(isLeapYear(1403)).toBe(true);
    expect(isLeapYear(1404)).toBe(false);
    expect(daysInMonth(1403, 12)).toBe(30);
    expect(daysInMonth(1404, 12)).toBe(29);
  });

  it("follows the 33-year cycle's leap years around now", () => {
    const leaps = [];
    for (let y = 1390; y <= 1420; y++) if (isLeapYear(y)) leaps.push(y);
    expect(leaps).toEqual([1391, 1395, 1399, 1403, 1408, 1412, 1416, 1420]);
  });

  it("maps known days both ways", () => {
    // Nowruz 1404 = 21 March 2025; 1403/12/30 = 20 March 2025; 1 Mehr 1404 = 23 September 2025.
    expect(fromUtcMillis(Date.UTC(2025, 2, 21))).toEqual({ year: 1404, month: 1, day: 1 });
    expect(toUtcMillis({ year: 1403, month: 12, day: 30 })).toBe(Date.UTC(2025, 2, 20));
    expect(toUtcMillis({ year: 1404, month: 7, day: 1 })).toBe(Date.UTC(2025, 8, 23));
  });

  it("round-trips every day of thirty years", () => {
    let ms = toUtcMillis({ year: 1390, month: 1, day: 1 });
    expect(ms).not.toBeNull();
    let previous = fromUtcMillis(ms as number);
    for (let i = 0; i < 366 * 30; i++) {
      const date = fromUtcMillis(ms as number);
      expect(toUtcMillis(date)).toBe(ms);
      if (i > 0) expect(addDays(previous, 1)).toEqual(date);
      previous = date;
      ms = (ms as number) + 86_400_000;
    }
  });

  it("refuses days that do not exist", () => {
    expect(isValid({ year: 1404, month: 7, day: 31 })).toBe(false);
    expect(isValid({ year: 1404, month: 6, day: 31 })).toBe(true);
    expect(isValid({ year: 1404, month: 13, day: 1 })).toBe(false);
    expect(isValid({ year: 1404, month: 0, day: 1 })).toBe(false);
    expect(isValid({ year: 1404, month: 1, day: 0 })).toBe(false);
  });

  it("parses typed dates in any digits and says why a text is not a date", () => {
    expect(parse("۱۴۰۳/۱۲/۳۰", toAsciiDigits)).toEqual({
      ok: true,
      date: { year: 1403, month: 12, day: 30 },
    });
    expect(parse("1404/1/5", toAsciiDigits)).toEqual({
      ok: true,
      date: { year: 1404, month: 1, day: 5 },
    });
    expect(parse("١٤٠٤-٠١-٠٥", toAsciiDigits).ok).toBe(true);
    expect(parse("۱۴۰۴/۱۲/۳۰", toAsciiDigits)).toEqual({
      ok: false,
      messageId: "error-jalali-date-invalid",
    });
    expect(parse("1404/12", toAsciiDigits)).toEqual({
      ok: false,
      messageId: "error-jalali-date-format",
    });
    // A Gregorian date typed by mistake: refused as the core refuses it, never spelled out.
    expect(parse("2025/10/01", toAsciiDigits)).toEqual({
      ok: false,
      messageId: "error-jalali-date-invalid",
    });
    expect(parse("tomorrow", toAsciiDigits).ok).toBe(false);
  });

  it("formats with two-digit month and day", () => {
    expect(format({ year: 1404, month: 1, day: 5 })).toBe("1404/01/05");
  });

  it("takes today in Tehran, not in UTC", () => {
    // 2025-03-20 21:00 UTC is already 2025-03-21 00:30 in Tehran: Nowruz 1404.
    expect(todayTehran(new Date(Date.UTC(2025, 2, 20, 21, 0)))).toEqual({
      year: 1404,
      month: 1,
      day: 1,
    });
  });
});
