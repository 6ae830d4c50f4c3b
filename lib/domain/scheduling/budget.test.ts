import { describe, expect, it } from "vitest";
import { type BudgetInput, interventionBudget, yearShare } from "./budget";
import { DEFAULT_HOURLY_STAFF_COSTS } from "./staff-cost";

/** 12 sessions of 30 minutes, one teacher-rate facilitator, 4 students, 6 weeks. */
function input(overrides: Partial<BudgetInput> = {}): BudgetInput {
  return {
    students: 4,
    weeks: 6,
    sessions: Array.from({ length: 12 }, () => ({ minutes: 30, staffIds: ["t"] })),
    staff: [{ id: "t", name: "Mr. Okafor", costRole: "teacher" }],
    resources: [],
    hourlyCosts: DEFAULT_HOURLY_STAFF_COSTS,
    ...overrides,
  };
}

const resource = {
  id: "r",
  name: "Thing",
  quantity: 1,
  purchaseCents: null,
  usefulLifeYears: null,
  licenceCentsPerStudentYear: null,
  perUseCents: null,
};

describe("interventionBudget", () => {
  it("prices staff hours at the facilitator's cost role", () => {
    const budget = interventionBudget(input());
    // 12 × 0.5 h = 6 h × $55.00 = $330.00
    expect(budget.lines).toEqual([
      {
        ingredient: "staff",
        name: "Mr. Okafor",
        cents: 33_000,
        detail: "6 hours × $55.00/hour (teacher)",
      },
    ]);
    expect(budget).toMatchObject({
      totalCents: 33_000,
      perStudentCents: 8_250,
      perSessionCents: 2_750,
      students: 4,
      sessions: 12,
      staffHours: 6,
    });
  });

  it("counts each facilitator of each session, and a session's own substitute only there", () => {
    const sessions = [
      { minutes: 60, staffIds: ["t", "s"] },
      { minutes: 60, staffIds: ["t", "p"] },
    ];
    const budget = interventionBudget(
      input({
        sessions,
        staff: [
          { id: "t", name: "T", costRole: "teacher" },
          { id: "s", name: "S", costRole: "specialist" },
          { id: "p", name: "P", costRole: "paraprofessional" },
        ],
      }),
    );
    expect(budget.lines.map((l) => l.cents)).toEqual([11_000, 6_500, 3_000]);
    expect(budget.totalCents).toBe(20_500);
    expect(budget.staffHours).toBe(4);
  });

  it("uses the district's own rates", () => {
    const budget = interventionBudget(
      input({ hourlyCosts: { ...DEFAULT_HOURLY_STAFF_COSTS, teacher: 4_000 } }),
    );
    expect(budget.totalCents).toBe(24_000);
  });

  it("charges a licence per student for the share of the 36-week year the group runs", () => {
    const budget = interventionBudget(
      input({
        staff: [],
        resources: [
          {
            ...resource,
            name: "Reading Mastery Level 3",
            costModel: "licence",
            licenceCentsPerStudentYear: 9_000,
          },
        ],
      }),
    );
    // 4 students × $90 × 6/36 = $60.00
    expect(budget.lines[0]).toMatchObject({ ingredient: "licence", cents: 6_000 });
    expect(budget.lines[0]?.detail).toBe(
      "4 students × $90.00 per student-year × 6/36 of the school year",
    );
  });

  it("never charges more than a whole year's licence", () => {
    expect(yearShare(40)).toBe(1);
    expect(yearShare(18)).toBe(0.5);
    expect(yearShare(-1)).toBe(0);
  });

  it("charges consumables per use: sessions × units × price", () => {
    const budget = interventionBudget(
      input({
        staff: [],
        resources: [{ ...resource, costModel: "consumable", quantity: 4, perUseCents: 35 }],
      }),
    );
    // 12 sessions × 4 × $0.35 = $16.80
    expect(budget.lines[0]).toMatchObject({ ingredient: "consumable", cents: 1_680 });
  });

  it("amortises equipment over its life, by the share of a unit's 1,080 school hours used", () => {
    const budget = interventionBudget(
      input({
        staff: [],
        resources: [
          {
            ...resource,
            name: "iPad",
            costModel: "purchase",
            quantity: 2,
            purchaseCents: 48_000,
            usefulLifeYears: 4,
          },
        ],
      }),
    );
    // $480 / 4 years = $120 a year per unit × 2 units × 6 h / 1080 h = $1.3333… → 133 cents
    expect(budget.lines[0]).toMatchObject({ ingredient: "equipment", cents: 133 });
    expect(budget.perSessionCents).toBe(11); // 133 / 12 = 11.08
    expect(budget.perStudentCents).toBe(33); // 133 / 4 = 33.25
  });

  it("rounds each line half up once, and the total is the sum of the rounded lines", () => {
    const budget = interventionBudget(
      input({
        sessions: [{ minutes: 1, staffIds: ["t"] }],
        hourlyCosts: { ...DEFAULT_HOURLY_STAFF_COSTS, teacher: 90 },
        resources: [{ ...resource, costModel: "consumable", perUseCents: 1 }],
      }),
    );
    // 1/60 h × 90 = 1.5 → 2; consumable 1
    expect(budget.lines.map((l) => l.cents)).toEqual([2, 1]);
    expect(budget.totalCents).toBe(3);
  });

  it("leaves per student and per session unknown when there are none", () => {
    const budget = interventionBudget(input({ students: 0, sessions: [] }));
    expect(budget).toMatchObject({ totalCents: 0, perStudentCents: null, perSessionCents: null });
  });

  it("lists a free resource at zero and a missing price as zero", () => {
    const budget = interventionBudget(
      input({
        staff: [],
        resources: [
          { ...resource, costModel: "none" },
          { ...resource, costModel: "purchase" },
        ],
      }),
    );
    expect(budget.lines.map((l) => [l.ingredient, l.cents])).toEqual([
      ["free", 0],
      ["equipment", 0],
    ]);
  });
});
