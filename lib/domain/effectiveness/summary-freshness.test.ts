import { describe, expect, it } from "vitest";
import { isSummaryCurrent, readsEveryNote, type SummaryState } from "./summary-freshness";

const clock = {
  districtVersion: 3,
  today: "2026-11-18",
  now: new Date("2026-11-18T15:00:00Z"),
};

const current: SummaryState = {
  inputVersion: 7,
  computedVersion: 7,
  districtVersion: 3,
  computedFor: "2026-11-18",
  validUntil: new Date("2026-11-18T16:30:00Z"),
};

describe("isSummaryCurrent", () => {
  it("holds while nothing the figures rest on has changed", () => {
    expect(isSummaryCurrent(current, clock)).toBe(true);
    // A group with no session left to begin stays current for the rest of the day.
    expect(isSummaryCurrent({ ...current, validUntil: null }, clock)).toBe(true);
  });

  it("fails once a write raised the group's input version", () => {
    expect(isSummaryCurrent({ ...current, inputVersion: 8 }, clock)).toBe(false);
  });

  it("fails for a row never computed", () => {
    expect(
      isSummaryCurrent(
        { ...current, computedVersion: null, districtVersion: null, computedFor: null },
        clock,
      ),
    ).toBe(false);
  });

  it("fails once the district's inputs changed (a cost setting, a resource's price)", () => {
    expect(isSummaryCurrent(current, { ...clock, districtVersion: 4 })).toBe(false);
  });

  it("fails the next day: projections and the midpoint are counted to today", () => {
    expect(isSummaryCurrent(current, { ...clock, today: "2026-11-19" })).toBe(false);
  });

  it("fails once the next session not yet held has begun", () => {
    expect(isSummaryCurrent(current, { ...clock, now: new Date("2026-11-18T16:30:00Z") })).toBe(
      false,
    );
    expect(isSummaryCurrent(current, { ...clock, now: new Date("2026-11-18T16:29:59Z") })).toBe(
      true,
    );
  });
});

describe("readsEveryNote", () => {
  it("is true for managers, and for a facilitator of the group", () => {
    expect(readsEveryNote({ role: "admin" }, false)).toBe(true);
    expect(readsEveryNote({ role: "specialist" }, false)).toBe(true);
    expect(readsEveryNote({ role: "facilitator" }, true)).toBe(true);
  });

  it("is false for anyone reading only what is shared with them", () => {
    expect(readsEveryNote({ role: "facilitator" }, false)).toBe(false);
    expect(readsEveryNote({ role: "teacher" }, false)).toBe(false);
    expect(readsEveryNote({ role: "parent" }, true)).toBe(false);
  });
});
