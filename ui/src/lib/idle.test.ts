import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { idleTimer } from "./idle";

describe("idle lock", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("locks once after the idle period", () => {
    const onIdle = vi.fn();
    idleTimer(15, onIdle);
    vi.advanceTimersByTime(15 * 60_000 - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60 * 60_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it("any activity starts the period again", () => {
    const onIdle = vi.fn();
    const timer = idleTimer(2, onIdle);
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(90_000);
      timer.touch();
    }
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2 * 60_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it("stopping it (signing out) means it never fires", () => {
    const onIdle = vi.fn();
    const timer = idleTimer(1, onIdle);
    timer.stop();
    vi.advanceTimersByTime(10 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});
