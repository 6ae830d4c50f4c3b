import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES, renderLetter, templateProblems } from "./templates";
import { sampleTierChangeFacts, tierChangeLetterValues } from "./tier-change-letter";

describe("tier-change letters", () => {
  it("says from which tier to which, what it means, why and whom to contact, in English", () => {
    const facts = sampleTierChangeFacts("en", "Maple Grove School District");
    const letter = renderLetter(DEFAULT_TEMPLATES["tier-change"].en, tierChangeLetterValues(facts));
    expect(letter.subject).toBe("A message from Maple Grove School District about your child");
    for (const text of [
      "Dear Jordan Smith,",
      "On November 2, 2026",
      "from Tier 2 to Tier 3",
      "What this means: the most intensive support",
      "Why the team decided this: After 8 weeks in a small group",
      "Contact: Ms. Johnson, johnson@district.example, (555) 555-0100.",
      "ask for an evaluation of Alex for special education services at any time",
    ]) {
      expect(letter.body).toContain(text);
    }
  });

  it("writes Spanish for a Spanish-speaking guardian", () => {
    const facts = sampleTierChangeFacts("es", "Maple Grove");
    const letter = renderLetter(DEFAULT_TEMPLATES["tier-change"].es, tierChangeLetterValues(facts));
    expect(letter.body).toContain("Estimado/a Ana López:");
    expect(letter.body).toContain("El 2 de noviembre de 2026");
    expect(letter.body).toContain("de Nivel 2 a Nivel 3");
    expect(letter.body).toContain("Qué significa: el apoyo más intensivo");
  });

  it("never names the child's needs in a subject, and needs no opt-out paragraph", () => {
    for (const language of ["en", "es"] as const) {
      const { subject } = renderLetter(
        DEFAULT_TEMPLATES["tier-change"][language],
        tierChangeLetterValues(sampleTierChangeFacts(language, "Maple Grove")),
      );
      expect(subject).not.toMatch(/tier|nivel/i);
      expect(templateProblems(DEFAULT_TEMPLATES["tier-change"][language], "tier-change")).toEqual(
        [],
      );
    }
    expect(
      templateProblems({ subject: "{{toTier}}", body: "{{optOut}}" }, "tier-change").map(
        (p) => p.message,
      ),
    ).toEqual([
      "{{toTier}} may not appear in a subject: e-mail subjects never say what the child needs.",
      "{{optOut}} is not a field letters know.",
    ]);
  });

  it("says the tier is kept when a referral keeps it, in both languages", () => {
    for (const [language, kept] of [
      ["en", "and decided to keep the support of Tier 2."],
      ["es", "y decidió mantener el apoyo de Nivel 2."],
    ] as const) {
      const facts = {
        ...sampleTierChangeFacts(language, "Maple Grove"),
        decision: "refer" as const,
        toTier: 2,
      };
      const { body } = renderLetter(
        DEFAULT_TEMPLATES["tier-change"][language],
        tierChangeLetterValues(facts),
      );
      expect(body).toContain(kept);
      expect(body).not.toMatch(/Tier 2 to Tier 2|Nivel 2 a Nivel 2/);
    }
  });

  it("adds the referral to what the tier means", () => {
    const facts = { ...sampleTierChangeFacts("en", "Maple Grove"), decision: "refer" as const };
    expect(tierChangeLetterValues(facts).whatItMeans).toContain(
      "asked for an evaluation for special education services",
    );
  });
});
