import { describe, expect, it } from "vitest";
import { centsFromDollars, dollarsText, formatCents } from "./money";

describe("money", () => {
  it("writes dollars", () => {
    expect(formatCents(123_456)).toBe("$1,234.56");
    expect(formatCents(5)).toBe("$0.05");
  });

  it("reads dollars typed by a person", () => {
    expect(centsFromDollars("$1,234.5")).toBe(123_450);
    expect(centsFromDollars("12")).toBe(1_200);
    expect(centsFromDollars("0.07")).toBe(7);
    expect(centsFromDollars(" ")).toBeNull();
    expect(centsFromDollars("1.234")).toBeNaN();
    expect(centsFromDollars("-3")).toBeNaN();
  });

  it("gives the form's text back", () => {
    expect(dollarsText(123_450)).toBe("1234.50");
    expect(dollarsText(null)).toBe("");
  });
});
