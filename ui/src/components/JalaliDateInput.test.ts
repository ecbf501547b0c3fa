import { describe, expect, it } from "vitest";
import { longDate } from "./JalaliDateInput";
import { toUtcMillis } from "../lib/jalali";

describe("the date field's spelled-out date", () => {
  it("reads weekday, day, month, year, with no comma", () => {
    const ms = toUtcMillis({ year: 1404, month: 8, day: 1 });
    expect(ms).not.toBeNull();
    expect(longDate("fa", ms ?? 0)).toBe("پنجشنبه ۱ آبان ۱۴۰۴");
    expect(longDate("en", ms ?? 0)).toBe("Thursday 1 Aban 1404");
  });
});
