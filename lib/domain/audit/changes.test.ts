import { describe, expect, it } from "vitest";
import { changedFields } from "./changes";

describe("changedFields", () => {
  it("keeps only the fields whose value changes", () => {
    expect(
      changedFields(
        { name: "Phonics", tier: 2, goal: null, facilitatorIds: ["a", "b"] },
        { name: "Phonics Blends", tier: 2, goal: undefined, facilitatorIds: ["a", "b"] },
      ),
    ).toEqual({ before: { name: "Phonics" }, after: { name: "Phonics Blends" } });
  });

  it("treats a missing value and null alike, and dates by instant", () => {
    expect(changedFields({ goal: null }, { goal: null })).toBeNull();
    expect(changedFields({}, { roomId: null })).toBeNull();
    expect(
      changedFields(
        { at: new Date("2026-01-01T00:00:00Z") },
        { at: new Date("2026-01-01T00:00:00.000Z") },
      ),
    ).toBeNull();
  });

  it("records a field set for the first time with a null before", () => {
    expect(changedFields({}, { goalValue: 90 })).toEqual({
      before: { goalValue: null },
      after: { goalValue: 90 },
    });
  });
});
