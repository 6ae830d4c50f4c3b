import { describe, expect, it } from "vitest";
import { fidelity } from "../attendance";
import type { ProgressTimeline } from "../progress/timeline";
import { graphGeometry } from "./chart";
import { type PacketEnrollment, referralPacketView } from "./packet";
import {
  attendanceText,
  deliveredText,
  fidelityText,
  planText,
  rateOfImprovementText,
} from "./packet-text";

const enrollment = (over: Partial<PacketEnrollment> = {}): PacketEnrollment => ({
  interventionId: "a",
  name: "Phonics Blends",
  tier: 2,
  focusArea: "Reading Fluency",
  status: "active",
  goal: null,
  schedule: { days: ["MO", "WE", "FR"], startTime: "10:00", minutes: 30 },
  startDate: "2026-10-19",
  endDate: "2026-12-14",
  durationWeeks: 8,
  enrollmentDate: "2026-10-19",
  exitDate: null,
  exitReason: null,
  facilitators: ["Ms. Johnson"],
  attendance: { rate: 0.9, counts: { present: 8, tardy: 1, absent: 1, excused: 2 } },
  ...over,
});

describe("rate of improvement", () => {
  it("says the slope per week with its unit and sign", () => {
    expect(rateOfImprovementText(1.456, "wcpm", 6)).toBe("+1.46 wcpm per week");
    expect(rateOfImprovementText(-0.5, null, 6)).toBe("-0.5 per week");
    expect(rateOfImprovementText(0, "wcpm", 6)).toBe("0 wcpm per week");
  });
  it("says why there is none with too few scores", () => {
    expect(rateOfImprovementText(null, "wcpm", 2)).toBe(
      "Not enough scores for a trend (2 of the 3 needed)",
    );
  });
});

describe("planned against delivered", () => {
  it("counts sessions and minutes held against those due", () => {
    const delivery = {
      sessionsScheduledToDate: 15,
      sessionsHeld: 12,
      minutesPlanned: 450,
      minutesDelivered: 360,
    };
    expect(deliveredText(delivery, fidelity(delivery))).toBe(
      "12 of 15 sessions held (80%); 360 of 450 minutes (80%)",
    );
    expect(fidelityText(fidelity(delivery))).toBe("80%: delivered as planned (at least 80%)");
    const low = { ...delivery, sessionsHeld: 9 };
    expect(fidelityText(fidelity(low))).toMatch(/^60%: below the 80%/);
  });
  it("says so when nothing was due yet", () => {
    const none = {
      sessionsScheduledToDate: 0,
      sessionsHeld: 0,
      minutesPlanned: 0,
      minutesDelivered: 0,
    };
    expect(deliveredText(none, fidelity(none))).toBe("No session was due yet");
    expect(fidelityText(fidelity(none))).toMatch(/^Not yet known/);
  });
  it("writes the whole plan: frequency, duration, sessions and minutes", () => {
    expect(planText(enrollment())).toBe(
      "3 times per week, 30 minutes (Mon, Wed, Fri at 10:00) for 8 weeks: 24 sessions, 720 minutes",
    );
  });
  it("writes attendance with the excused absences left out", () => {
    expect(attendanceText(enrollment().attendance.counts, 0.9)).toBe(
      "90%: attended 9 of 10 sessions (8 present, 1 late, 1 absent, 2 excused, not counted)",
    );
  });
});

describe("the packet", () => {
  const timeline: ProgressTimeline = { measures: [], markers: [] };
  const view = referralPacketView({
    preparedOn: "2026-11-25",
    preparedBy: "Sarah Johnson",
    student: {
      firstName: "Emma",
      lastName: "Wilson",
      grade: 3,
      localId: "MG1",
      schoolName: "Maple Grove Elementary",
      currentTier: 2,
    },
    // Left and came back to "a": one page for it, the latest enrollment.
    enrollments: [
      enrollment({ enrollmentDate: "2026-10-19", exitDate: "2026-10-30" }),
      enrollment({ enrollmentDate: "2026-11-02" }),
      enrollment({ interventionId: "b", name: "Math Facts", startDate: "2026-09-01" }),
    ],
    deliveries: new Map(),
    timeline,
    tierDecisions: [
      {
        decidedOn: "2026-10-15",
        fromTier: 1,
        toTier: 2,
        decision: "escalate",
        justification: "Below the cut score in the fall screening.",
        decidedByName: "Sarah Johnson",
        team: [{ name: "Mr. Kim", role: "teacher" }],
      },
    ],
    letters: [],
    evaluationRequests: [],
  });
  it("has one page per intervention, oldest first, each with a graph", () => {
    expect(view.interventions.map((i) => i.name)).toEqual(["Math Facts", "Phonics Blends"]);
    expect(view.interventions[1]!.facts).toContainEqual(["In the group", "From Mon, Nov 2, 2026"]);
    for (const page of view.interventions) expect(page.graphs).toHaveLength(1);
  });
  it("keeps each decision's justification and team", () => {
    expect(view.decisions[0]).toMatchObject({
      decision: "Moved to a more intensive tier: Tier 1 to Tier 2",
      justification: "Below the cut score in the fall screening.",
      details: "Recorded by Sarah Johnson. Team: Mr. Kim (teacher)",
    });
  });
  it("states the parent's right to ask for an evaluation at any time", () => {
    expect(view.rights.paragraphs[0]).toMatch(/at any time/);
  });
});

describe("the graph's geometry", () => {
  it("puts the first and last days at the plot's edges and higher values higher", () => {
    const g = graphGeometry({
      startDate: "2026-01-05",
      endDate: "2026-02-02",
      scores: [
        { date: "2026-01-05", value: 10 },
        { date: "2026-02-02", value: 20 },
      ],
      aimLine: { from: { date: "2026-01-05", value: 10 }, to: { date: "2026-02-02", value: 30 } },
      trendLine: null,
      goal: 30,
    });
    expect(g.points[0]!.x).toBeCloseTo(g.plot.left);
    expect(g.points[1]!.x).toBeCloseTo(g.plot.right);
    expect(g.points[1]!.y).toBeLessThan(g.points[0]!.y);
    expect(g.aimLine!.to.y).toBeGreaterThanOrEqual(g.plot.top);
    expect(g.xTicks[0]!.label).toBe("Jan 5");
  });
});
