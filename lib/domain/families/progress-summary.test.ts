import { describe, expect, it } from "vitest";
import {
  progressInWords,
  type SummaryContent,
  type SummaryGroup,
  summaryLetter,
} from "./progress-summary";

const phonics: SummaryGroup = {
  name: "Phonics Blends - Tier 2",
  status: "continuing",
  facilitator: { name: "Ms. Johnson", email: "johnson@maplegrove.example" },
  sessionsHeld: 20,
  marks: [...Array(18).fill("present"), "absent", "absent"],
  measure: {
    name: "words correct per minute",
    unit: null,
    direction: "higher",
    goal: 90,
    goalBy: "2027-01-29",
  },
  scores: [
    { date: "2026-10-01", value: 48 },
    { date: "2026-11-12", value: 62 },
  ],
  verdict: "continue",
  notes: [{ date: "2026-11-05", text: "Blends ch and sh on her own now." }],
  nextSession: "2026-11-19",
};

const content = (over: Partial<SummaryContent> = {}): SummaryContent => ({
  language: "en",
  guardianName: "Jennifer Wilson",
  studentFirstName: "Emma",
  studentLastName: "Wilson",
  districtName: "Maple Grove School District",
  period: { name: "Quarter 1", from: "2026-08-17", to: "2026-10-30" },
  groups: [phonics],
  ...over,
});

describe("progressInWords", () => {
  it("says the latest score, the goal and the verdict in plain words", () => {
    expect(progressInWords(phonics, "Emma", "en")).toBe(
      "Emma's latest words correct per minute reading is 62 (Thu, Nov 12, 2026). The goal by January 29, 2027 is 90. Emma is on track.",
    );
  });

  it("says so when there is no score or no goal yet", () => {
    expect(progressInWords({ ...phonics, scores: [], verdict: null }, "Emma", "en")).toBe(
      "The goal by January 29, 2027 is 90. It is too early to say whether Emma is on track: a few more readings are needed.",
    );
    expect(progressInWords({ ...phonics, measure: null }, "Emma", "en")).toBe(
      "No number goal is set for this reading yet.",
    );
  });

  it("speaks Spanish to a Spanish-speaking family", () => {
    expect(progressInWords({ ...phonics, verdict: "change-intervention" }, "Emma", "es")).toBe(
      "La última medición de words correct per minute de Emma es 62 (jue, 12 de nov de 2026). La meta para el 29 de enero de 2027 es 90. Emma todavía no va al ritmo esperado. El equipo está viendo cómo ayudar; puede preguntarles.",
    );
  });
});

describe("summaryLetter", () => {
  it("holds each group's sessions, attendance, progress, notes, next session and contact", () => {
    const { subject, body } = summaryLetter(content());
    expect(subject).toBe("A progress summary from Maple Grove School District");
    for (const line of [
      "Dear Jennifer Wilson,",
      "This is Emma's progress summary for Quarter 1 (August 17, 2026 to October 30, 2026).",
      "20 sessions were held. Emma attended 90 % of them.",
      "Emma is on track.",
      "- November 5, 2026: Blends ch and sh on her own now.",
      "Next session: November 19, 2026.",
      "Questions? Contact Ms. Johnson (johnson@maplegrove.example).",
    ]) {
      expect(body).toContain(line);
    }
  });

  it("never names the child's needs in the subject, in either language", () => {
    for (const language of ["en", "es"] as const) {
      const { subject } = summaryLetter(content({ language }));
      expect(subject).not.toMatch(/Emma|tier|nivel|reading|phonics/i);
    }
  });

  it("says an ended group has ended and offers no next session", () => {
    const { body } = summaryLetter(content({ groups: [{ ...phonics, status: "ended" }] }));
    expect(body).toContain("This group has ended.");
    expect(body).not.toContain("Next session");
  });

  it("writes a short letter for a child without a group in the period", () => {
    const { body } = summaryLetter(content({ groups: [], language: "es" }));
    expect(body).toContain("Emma no participó en un grupo de intervención durante este período.");
  });
});
