import { describe, expect, it } from "vitest";
import { UnprocessableError } from "../errors";
import { tierDecision } from "./decision";

describe("tierDecision", () => {
  it("calls a move up an escalation and a move down a step-down", () => {
    expect(tierDecision(1, 2)).toBe("escalate");
    expect(tierDecision(2, 3)).toBe("escalate");
    expect(tierDecision(3, 2)).toBe("step-down");
  });

  it("refuses a change to the tier the student is already in", () => {
    expect(() => tierDecision(2, 2)).toThrow(UnprocessableError);
  });

  it("lets a referral keep the tier", () => {
    expect(tierDecision(3, 3, "refer")).toBe("refer");
  });

  it("accepts an exit only as a move from tier 2 or 3 to tier 1", () => {
    expect(tierDecision(2, 1, "exit")).toBe("exit");
    expect(() => tierDecision(3, 2, "exit")).toThrow(UnprocessableError);
    expect(() => tierDecision(1, 1, "exit")).toThrow(UnprocessableError);
  });
});

describe("tierDecision with a named kind", () => {
  it("refuses an escalation that goes down and a step-down that goes up", () => {
    expect(tierDecision(2, 3, "escalate")).toBe("escalate");
    expect(tierDecision(3, 2, "step-down")).toBe("step-down");
    expect(() => tierDecision(3, 2, "escalate")).toThrow(UnprocessableError);
    expect(() => tierDecision(2, 3, "step-down")).toThrow(UnprocessableError);
  });

  it("accepts a start only as a first placement", () => {
    expect(tierDecision(1, 2, "start", { firstPlacement: true })).toBe("start");
    expect(() => tierDecision(1, 2, "start", { firstPlacement: false })).toThrow(
      UnprocessableError,
    );
  });
});
