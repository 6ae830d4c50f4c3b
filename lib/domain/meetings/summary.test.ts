import { describe, expect, it } from "vitest";
import { addMeetingStudentSchema } from "./schemas";
import { decisionSummary, planWords, recapLine } from "./summary";

describe("a meeting's recap wording", () => {
  it("writes the issue's example", () => {
    const summary = decisionSummary({
      tierChange: { fromTier: 2, toTier: 3 },
      plan: { description: "1:1 reading", with: "Ms. Johnson", sessionsPerWeek: 5, minutes: 30 },
    });
    expect(summary).toBe("Tier 2 → Tier 3, 1:1 reading with Ms. Johnson, 5×30 min");
    expect(recapLine({ studentName: "Emma Wilson", summary, reviewOn: "2027-02-01" })).toBe(
      "Emma Wilson: Tier 2 → Tier 3, 1:1 reading with Ms. Johnson, 5×30 min, review 2027-02-01",
    );
  });

  it("says what it knows and nothing more", () => {
    expect(planWords({})).toBe("");
    expect(planWords({ minutes: 20 })).toBe("20 min");
    expect(planWords({ with: "Mr. Lee" })).toBe("with Mr. Lee");
    expect(
      decisionSummary({ tierChange: null, plan: {}, decision: "Continue; add a weekly probe" }),
    ).toBe("Continue; add a weekly probe");
    expect(decisionSummary({ tierChange: { fromTier: 3, toTier: 3 }, plan: {} })).toBe("Tier 3");
    expect(recapLine({ studentName: "Liam Chen", summary: "Tier 2", reviewOn: null })).toBe(
      "Liam Chen: Tier 2",
    );
  });

  it("needs a decision: words, a recorded tier decision or a new one", () => {
    const studentId = "0190b6f0-0000-7000-8000-000000000001";
    expect(addMeetingStudentSchema.safeParse({ studentId }).success).toBe(false);
    expect(addMeetingStudentSchema.safeParse({ studentId, decision: "Continue" }).success).toBe(
      true,
    );
    expect(
      addMeetingStudentSchema.safeParse({
        studentId,
        tierDecision: { toTier: 3, reason: "Flat growth for six weeks." },
      }).success,
    ).toBe(true);
  });
});
