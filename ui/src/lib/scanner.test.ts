import { describe, expect, it } from "vitest";
import { ScanDetector } from "./scanner";

function typeKeys(detector: ScanDetector, keys: string[], start: number, gap: number) {
  let result: string | null = null;
  keys.forEach((key, i) => {
    const r = detector.key(key, start + i * gap);
    if (r) result = r;
  });
  return result;
}

describe("barcode scanner", () => {
  const code = "358122904417".split("");

  it("reports twelve digits and Enter typed fast", () => {
    expect(typeKeys(new ScanDetector(), [...code, "Enter"], 1000, 5)).toBe("358122904417");
  });

  it("accepts a scanner that types Persian digits", () => {
    const persian = "۳۵۸۱۲۲۹۰۴۴۱۷".split("");
    expect(typeKeys(new ScanDetector(), [...persian, "Enter"], 0, 5)).toBe("358122904417");
  });

  it("ignores the same keys typed at a person's speed", () => {
    expect(typeKeys(new ScanDetector(), [...code, "Enter"], 0, 250)).toBeNull();
  });

  it("ignores eleven or thirteen digits", () => {
    expect(typeKeys(new ScanDetector(), [...code.slice(1), "Enter"], 0, 5)).toBeNull();
    expect(typeKeys(new ScanDetector(), ["1", ...code, "Enter"], 0, 5)).toBeNull();
  });

  it("starts afresh after a pause or another key", () => {
    const d = new ScanDetector();
    expect(typeKeys(d, ["9", "9"], 0, 5)).toBeNull();
    expect(typeKeys(d, [...code, "Enter"], 5000, 5)).toBe("358122904417");
    expect(
      typeKeys(d, ["a", ...code.slice(0, 6), "b", ...code.slice(6), "Enter"], 9000, 5),
    ).toBeNull();
  });
});
