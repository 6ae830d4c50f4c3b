import { describe, expect, it } from "vitest";
import { followUpSettingsFrom } from "./follow-up-settings";

describe("followUpSettingsFrom", () => {
  it("uses docs/domain.md's defaults when the district has set nothing", () => {
    expect(followUpSettingsFrom({})).toEqual({ consecutiveAbsences: 2, totalAbsences: 3 });
    expect(followUpSettingsFrom(null)).toEqual({ consecutiveAbsences: 2, totalAbsences: 3 });
  });

  it("takes the district's own thresholds", () => {
    expect(followUpSettingsFrom({ absenceFlags: { consecutive: 3, total: 5 } })).toEqual({
      consecutiveAbsences: 3,
      totalAbsences: 5,
    });
  });

  it("keeps the default of a field that is missing or malformed, and only that one", () => {
    expect(followUpSettingsFrom({ absenceFlags: { consecutive: "two", total: 4 } })).toEqual({
      consecutiveAbsences: 2,
      totalAbsences: 4,
    });
    expect(followUpSettingsFrom({ absenceFlags: { consecutive: 0 } })).toEqual({
      consecutiveAbsences: 2,
      totalAbsences: 3,
    });
    expect(followUpSettingsFrom({ absenceFlags: "off" })).toEqual({
      consecutiveAbsences: 2,
      totalAbsences: 3,
    });
  });
});
