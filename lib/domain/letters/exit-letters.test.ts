import { describe, expect, it } from "vitest";
import { sampleClosingSummaryFacts, sampleExitCelebrationFacts } from "./exit-letter-samples";
import { closingSummaryValues, exitCelebrationValues } from "./exit-letters";
import { DEFAULT_TEMPLATES, renderLetter, templateProblems } from "./templates";

describe("exit letters", () => {
  it("have built-in English and Spanish wording that passes the editor's checks", () => {
    for (const kind of ["exit-celebration", "closing-summary"] as const) {
      for (const language of ["en", "es"] as const) {
        expect(templateProblems(DEFAULT_TEMPLATES[kind][language], kind)).toEqual([]);
      }
    }
  });

  it("celebrates in the family's language with what the child reached", () => {
    const en = renderLetter(
      DEFAULT_TEMPLATES["exit-celebration"].en,
      exitCelebrationValues(sampleExitCelebrationFacts("en", "Maple Grove")),
    );
    expect(en.subject).toBe("Good news from Maple Grove about your child");
    expect(en.body).toContain("Alex has reached the goals of Reading Fluency Group B");
    expect(en.body).toContain(
      "The last 3 checks of words correct per minute reached the target of 60 and the DIBELS ORF score of 72 is at grade level (70 or more).",
    );
    expect(en.body).toContain("for the next 6 weeks");
    expect(en.body).not.toMatch(/\{\{/);
    const es = renderLetter(
      DEFAULT_TEMPLATES["exit-celebration"].es,
      exitCelebrationValues(sampleExitCelebrationFacts("es", "Maple Grove")),
    );
    expect(es.body).toContain("Mateo alcanzó las metas");
    expect(es.body).toContain("18 de noviembre de 2026");
  });

  it("sums up a group that ended", () => {
    const letter = renderLetter(
      DEFAULT_TEMPLATES["closing-summary"].en,
      closingSummaryValues(sampleClosingSummaryFacts("en", "Maple Grove")),
    );
    expect(letter.body).toContain(
      "Attended 22 of 24 sessions held. Latest score on words correct per minute: 58 (goal 60).",
    );
    expect(letter.subject).not.toContain("Reading");
  });

  it("refuses a placeholder of another kind", () => {
    expect(
      templateProblems(
        { subject: "Hi", body: "Dear {{guardianName}}, {{optOut}}" },
        "exit-celebration",
      ).map((p) => p.message),
    ).toEqual(["{{optOut}} is not a field letters know."]);
  });
});
