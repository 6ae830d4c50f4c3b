import { describe, expect, it } from "vitest";
import { forStandardFont, withStandardFontText } from "./standard-font-text";

describe("text for the PDF's standard font", () => {
  it("writes arrows and comparison signs as a typist would", () => {
    expect(forStandardFont("Tier 2 → Tier 3, fidelity ≥ 80 %")).toBe(
      "Tier 2 -> Tier 3, fidelity >= 80 %",
    );
  });

  it("keeps what WinAnsi draws: accents, dashes, the middle dot", () => {
    expect(forStandardFont("Lucía · 300.309–300.311 — ñ")).toBe("Lucía · 300.309–300.311 — ñ");
  });

  it("reaches every string of a view and leaves numbers, nulls and dates alone", () => {
    const when = new Date(0);
    expect(withStandardFontText({ a: "x ≤ y", b: [{ c: "→" }], n: 3, z: null, when })).toEqual({
      a: "x <= y",
      b: [{ c: "->" }],
      n: 3,
      z: null,
      when,
    });
  });
});
