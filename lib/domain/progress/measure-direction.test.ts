import { describe, expect, it } from "vitest";
import {
  atOrBetterPhrase,
  directionNote,
  meetsOrBeats,
  sideOnChart,
  standingAgainst,
} from "./measure-direction";

describe("standingAgainst", () => {
  it("puts a higher value ahead when higher is better", () => {
    expect(standingAgainst(52, 50)).toBe("ahead");
    expect(standingAgainst(48, 50, "higher")).toBe("behind");
  });

  it("puts a lower value ahead when lower is better", () => {
    expect(standingAgainst(3, 5, "lower")).toBe("ahead");
    expect(standingAgainst(7, 5, "lower")).toBe("behind");
  });

  it("counts a value on the reference as on it, despite float noise", () => {
    expect(standingAgainst(50, 50)).toBe("on");
    expect(standingAgainst(0.3, 0.1 + 0.2, "lower")).toBe("on");
  });
});

describe("meetsOrBeats", () => {
  it("accepts equal and better, in either direction", () => {
    expect(meetsOrBeats(50, 50)).toBe(true);
    expect(meetsOrBeats(49, 50)).toBe(false);
    expect(meetsOrBeats(4, 5, "lower")).toBe(true);
    expect(meetsOrBeats(6, 5, "lower")).toBe(false);
  });
});

describe("sideOnChart", () => {
  it("maps better to above or below by direction", () => {
    expect(sideOnChart("ahead", "higher")).toBe("above");
    expect(sideOnChart("behind", "higher")).toBe("below");
    expect(sideOnChart("ahead", "lower")).toBe("below");
    expect(sideOnChart("behind", "lower")).toBe("above");
  });
});

describe("wording", () => {
  it("says what at-or-better means", () => {
    expect(atOrBetterPhrase("higher")).toBe("at or above");
    expect(atOrBetterPhrase("lower")).toBe("at or below");
  });

  it("adds a note only where lower is better", () => {
    expect(directionNote("higher")).toBe("");
    expect(directionNote("lower")).toBe(" (lower is better for this measure)");
  });
});
