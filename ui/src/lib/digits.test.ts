import { describe, expect, it } from "vitest";
import { groupCode, localDigits, toAsciiDigits, toPersianDigits, trackingDigits } from "./digits";

describe("digits", () => {
  it("normalizes Persian and Arabic-Indic digits to ASCII and leaves other text", () => {
    expect(toAsciiDigits("۰۱۲۳۴۵۶۷۸۹")).toBe("0123456789");
    expect(toAsciiDigits("٠١٢٣٤٥٦٧٨٩")).toBe("0123456789");
    expect(toAsciiDigits("نامه ۱۲۳/ص")).toBe("نامه 123/ص");
  });

  it("writes Persian digits for Persian text", () => {
    expect(toPersianDigits("1404/10/30")).toBe("۱۴۰۴/۱۰/۳۰");
    expect(toPersianDigits("٤٥")).toBe("۴۵");
    expect(localDigits("۱۲", "en")).toBe("12");
    expect(localDigits("12", "fa")).toBe("۱۲");
  });

  it("accepts tracking codes in any digits, with spaces and dashes", () => {
    expect(trackingDigits("۳۵۸۱-۲۲۹۰-۴۴۱۷")).toBe("358122904417");
    expect(trackingDigits(" 3581 2290 4417 ")).toBe("358122904417");
    expect(trackingDigits("٣٥٨١٢٢٩٠٤٤١٧")).toBe("358122904417");
    expect(trackingDigits("35812290441")).toBeNull();
    expect(trackingDigits("3581229044170")).toBeNull();
    expect(trackingDigits("3581-2290-441x")).toBeNull();
  });

  it("groups a code 4-4-4", () => {
    expect(groupCode("358122904417")).toBe("3581-2290-4417");
  });
});
