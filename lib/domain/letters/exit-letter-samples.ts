import type { ClosingSummaryFacts, ExitCelebrationFacts } from "./exit-letters";
import { SAMPLE_CONTACT, sampleFamily } from "./sample-facts";
import type { LetterLanguage } from "./templates";

/** The exit letters' preview in the template editor: a made-up child, never a real one. */

/** Sample facts for the template editor's preview: a made-up child, never a real one. */
export function sampleExitCelebrationFacts(
  language: LetterLanguage,
  districtName: string,
): ExitCelebrationFacts {
  return {
    ...sampleFamily(language, districtName),
    interventionName: language === "es" ? "Fluidez lectora, grupo B" : "Reading Fluency Group B",
    focusArea: "Reading Fluency",
    exitDate: "2026-11-18",
    followUpWeeks: 6,
    probes: { count: 3, target: 60, measureName: "words correct per minute" },
    benchmark: { assessmentName: "DIBELS ORF", score: 72, cut: 70 },
    facilitator: SAMPLE_CONTACT,
  };
}

export function sampleClosingSummaryFacts(
  language: LetterLanguage,
  districtName: string,
): ClosingSummaryFacts {
  return {
    ...sampleFamily(language, districtName),
    interventionName: language === "es" ? "Fluidez lectora, grupo B" : "Reading Fluency Group B",
    focusArea: "Reading Fluency",
    enrollmentDate: "2026-09-14",
    endDate: "2026-11-18",
    sessionsAttended: 22,
    sessionsHeld: 24,
    latestScore: 58,
    goalValue: 60,
    measureName: "words correct per minute",
    facilitator: SAMPLE_CONTACT,
  };
}
