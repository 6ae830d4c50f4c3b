import { describe, expect, it } from "vitest";
import {
  enrollmentLetterValues,
  letterSettingsOf,
  listDays,
  portalNotice,
  sampleLetterFacts,
} from "./enrollment-letter";
import { DEFAULT_TEMPLATES, letterLanguageFor, renderLetter, templateProblems } from "./templates";

describe("enrollment letters", () => {
  it("says what Scenario 8 lists, in English", () => {
    const facts = sampleLetterFacts("en", "Maple Grove School District", "by-request");
    const letter = renderLetter(DEFAULT_TEMPLATES.enrollment.en, enrollmentLetterValues(facts));
    expect(letter.subject).toBe("A message from Maple Grove School District about your child");
    for (const text of [
      "Dear Jordan Smith,",
      "Alex will take part in Small Group Reading - Tier 2",
      "Purpose and strategies: focused practice in reading fluency",
      "Schedule: Mondays, Wednesdays and Fridays at 10:00, 30 minutes each session, from September 8, 2026 to October 30, 2026 (8 weeks).",
      "Expected outcome: Read 90 words correct per minute",
      "Contact: Ms. Johnson, johnson@district.example, (555) 555-0100.",
      "If you do not want Alex to take part, tell Ms. Johnson",
      "ask for an evaluation of Alex for special education services at any time",
    ]) {
      expect(letter.body).toContain(text);
    }
  });

  it("writes Spanish for a Spanish-speaking guardian, with a one-click link where the district offers it", () => {
    const facts = sampleLetterFacts("es", "Maple Grove", "one-click");
    const letter = renderLetter(DEFAULT_TEMPLATES.enrollment.es, enrollmentLetterValues(facts));
    expect(letter.subject).toBe("Un mensaje de Maple Grove sobre su hijo o hija");
    expect(letter.body).toContain("Estimado/a Ana López:");
    expect(letter.body).toContain("los lunes, miércoles y viernes a las 10:00");
    expect(letter.body).toContain("del 8 de septiembre de 2026 al 30 de octubre de 2026");
    expect(letter.body).toContain("puede indicarlo aquí: https://northstar.example/opt-out?token=");
    expect(letter.body).toContain("solicitar en cualquier momento una evaluación");
  });

  it("leaves no empty paragraph where opt-out is not offered", () => {
    const facts = sampleLetterFacts("en", "Maple Grove", "not-offered");
    const { body } = renderLetter(DEFAULT_TEMPLATES.enrollment.en, enrollmentLetterValues(facts));
    expect(body).not.toMatch(/\n\s*\n\s*\n/);
    expect(body).not.toContain("opt out");
  });

  it("never names the child's needs in a subject", () => {
    for (const language of ["en", "es"] as const) {
      const facts = sampleLetterFacts(language, "Maple Grove", "by-request");
      const { subject } = renderLetter(
        DEFAULT_TEMPLATES.enrollment[language],
        enrollmentLetterValues(facts),
      );
      expect(subject).not.toMatch(/reading|lectura|tier|nivel|fluency|small group/i);
    }
    expect(
      templateProblems({
        subject: "{{interventionName}} for {{studentFirstName}}",
        body: "{{optOut}}",
      }),
    ).toEqual([
      {
        path: "subject",
        message:
          "{{interventionName}} may not appear in a subject: e-mail subjects never say what the child needs.",
      },
      {
        path: "subject",
        message:
          "{{studentFirstName}} may not appear in a subject: e-mail subjects never say what the child needs.",
      },
    ]);
  });

  it("refuses unknown placeholders and a letter without the opt-out paragraph", () => {
    expect(
      templateProblems({ subject: "Hello", body: "Dear {{parent}}" }).map((p) => p.message),
    ).toEqual([
      "{{parent}} is not a field letters know.",
      "Keep {{optOut}}: families must learn how to opt out where the district allows it.",
    ]);
    expect(templateProblems(DEFAULT_TEMPLATES.enrollment.en)).toEqual([]);
    expect(templateProblems(DEFAULT_TEMPLATES.enrollment.es)).toEqual([]);
  });

  it("reads district settings and languages with safe defaults", () => {
    expect(letterSettingsOf({})).toEqual({ optOut: "by-request", delivery: "full-letter" });
    expect(letterSettingsOf(null)).toEqual({ optOut: "by-request", delivery: "full-letter" });
    expect(letterSettingsOf({ optOut: "one-click", letterDelivery: "portal-notice" })).toEqual({
      optOut: "one-click",
      delivery: "portal-notice",
    });
    expect(letterSettingsOf({ optOut: "whatever", letterDelivery: "fax" })).toEqual({
      optOut: "by-request",
      delivery: "full-letter",
    });
    expect(letterLanguageFor("es")).toBe("es");
    expect(letterLanguageFor("vi")).toBe("en");
    expect(listDays(["TU"], "en")).toBe("Tuesdays");
  });

  it("e-mails a notice that points to the portal and says nothing about the child", () => {
    const facts = {
      guardianName: "Jordan Smith",
      districtName: "Maple Grove School District",
      portalUrl: "https://northstar.example/portal",
    };
    const english = portalNotice("en", facts);
    expect(english).toContain("Dear Jordan Smith,");
    expect(english).toContain(
      "Maple Grove School District has sent you a letter about your child.",
    );
    expect(english).toContain("https://northstar.example/portal");
    const spanish = portalNotice("es", facts);
    expect(spanish).toContain("Estimado/a Jordan Smith:");
    expect(spanish).toContain("portal para familias");
    expect(spanish).toContain("https://northstar.example/portal");
  });
});
