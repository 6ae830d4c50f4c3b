import { describe, expect, it } from "vitest";
import type { SegmentVerdict } from "../progress/timeline";
import { familyStanding, standingSentence } from "./standing";

describe("familyStanding", () => {
  it("tells the family where the child stands, never what the team should do", () => {
    const said: Record<SegmentVerdict, string> = {
      "raise-goal": familyStanding("raise-goal"),
      continue: familyStanding("continue"),
      "change-intervention": familyStanding("change-intervention"),
      "improve-fidelity": familyStanding("improve-fidelity"),
      "insufficient-data": familyStanding("insufficient-data"),
      "no-goal": familyStanding("no-goal"),
    };
    expect(said).toEqual({
      "raise-goal": "ahead",
      continue: "on-track",
      // How well the sessions were delivered is the team's matter: for the family, not yet on track.
      "change-intervention": "behind",
      "improve-fidelity": "behind",
      "insufficient-data": "too-early",
      "no-goal": "no-goal",
    });
  });
});

describe("standingSentence", () => {
  const facts = {
    firstName: "Emma",
    measureName: "Fluency level",
    unit: "grade level",
    latest: { value: 3.2, date: "2026-11-18" },
    goal: 3.6,
    goalDate: "2027-01-29",
    standing: "on-track" as const,
  };

  it("says the latest reading, the goal and where the child stands, in the family's language", () => {
    expect(standingSentence(facts, "en")).toBe(
      "Emma's latest Fluency level reading is 3.2 grade level (Wed, Nov 18, 2026). The goal by January 29, 2027 is 3.6 grade level. Emma is on track.",
    );
    expect(
      standingSentence({ ...facts, latest: null, goal: null, standing: "too-early" }, "es"),
    ).toMatch(/^Todavía/);
  });
});
