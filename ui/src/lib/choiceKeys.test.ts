import { describe, expect, it } from "vitest";
import { choiceAfterKey } from "./choiceKeys";

const modes = ["certified_paper_copy", "electronic_copy", "original"];

describe("arrow keys in a choice control", () => {
  it("move to the segment the arrow points at, right to left", () => {
    expect(choiceAfterKey("ArrowLeft", modes, modes[0], "rtl")).toBe(modes[1]);
    expect(choiceAfterKey("ArrowRight", modes, modes[1], "rtl")).toBe(modes[0]);
    expect(choiceAfterKey("ArrowRight", modes, modes[1], "ltr")).toBe(modes[2]);
    expect(choiceAfterKey("ArrowDown", modes, modes[2], "rtl")).toBe(modes[0]);
    expect(choiceAfterKey("ArrowUp", modes, modes[0], "ltr")).toBe(modes[2]);
    expect(choiceAfterKey("End", modes, modes[0], "rtl")).toBe(modes[2]);
  });
  it("leave other keys to the page", () => {
    expect(choiceAfterKey("Tab", modes, modes[0], "rtl")).toBeNull();
    expect(choiceAfterKey("a", modes, modes[0], "rtl")).toBeNull();
  });
});
