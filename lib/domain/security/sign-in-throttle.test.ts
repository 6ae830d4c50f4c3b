import { describe, expect, it } from "vitest";
import { afterFailure, minutesLocked, PER_ACCOUNT, type ThrottleRecord } from "./sign-in-throttle";

const start = new Date("2026-11-18T15:00:00Z");
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

function failures(count: number, everySeconds = 1): ThrottleRecord | null {
  let record: ThrottleRecord | null = null;
  for (let i = 0; i < count; i++) record = afterFailure(record, PER_ACCOUNT, at(i * everySeconds));
  return record;
}

describe("sign-in throttling", () => {
  it("lets five slips pass, then locks for a minute", () => {
    expect(minutesLocked(failures(5), at(5))).toBe(0);
    const sixth = failures(6);
    expect(sixth?.lockedUntil).toEqual(new Date(at(5).getTime() + 60_000));
    expect(minutesLocked(sixth, at(6))).toBe(1);
    expect(minutesLocked(sixth, at(66))).toBe(0);
  });

  it("doubles the lock with each further failure, up to an hour", () => {
    expect(minutesLocked(failures(7), at(6))).toBe(2);
    expect(minutesLocked(failures(8), at(7))).toBe(4);
    expect(minutesLocked(failures(12), at(11))).toBe(60);
    expect(minutesLocked(failures(30), at(29))).toBe(60);
  });

  it("forgets old failures after an hour without any", () => {
    const earlier = failures(5);
    const later = afterFailure(earlier, PER_ACCOUNT, new Date(start.getTime() + 61 * 60_000));
    expect(later.failures).toBe(1);
    expect(later.lockedUntil).toBeNull();
  });

  it("treats no record as free to try", () => {
    expect(minutesLocked(null, start)).toBe(0);
  });
});
