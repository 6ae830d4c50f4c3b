import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDaySoon,
  formatInstant,
  formatLongDate,
  formatMoment,
  formatTime,
} from "./format";

describe("dates as the app writes them", () => {
  it("keeps a calendar date on its day whatever the reader's time zone", () => {
    expect(formatDate("2026-11-18")).toBe("Wed, Nov 18, 2026");
    expect(formatDaySoon("2026-12-07")).toBe("Monday, Dec 7");
    expect(formatDate("2028-02-29")).toBe("Tue, Feb 29, 2028");
  });

  it("writes a letter's date in the family's language", () => {
    expect(formatLongDate("2026-09-08")).toBe("September 8, 2026");
    expect(formatLongDate("2026-09-08", "es-US")).toBe("8 de septiembre de 2026");
  });

  it("shows an instant in the district's time zone, across the DST change", () => {
    // 05:59 UTC on the 19th is still the evening of the 18th in Chicago.
    expect(formatInstant("2026-11-19T05:59:00Z", "America/Chicago")).toBe("Wed, Nov 18, 11:59 PM");
    expect(formatTime("2026-11-02T16:00:00Z", "America/Chicago")).toBe("10:00 AM");
    expect(formatTime("2026-10-30T15:00:00Z", "America/Chicago")).toBe("10:00 AM");
    expect(formatMoment("2026-11-18T15:00:05Z", "America/Denver")).toBe(
      "Nov 18, 2026, 8:00:05 AM MST",
    );
    expect(formatMoment(null, "America/Denver")).toBe("—");
  });
});
