import type { LetterLanguage } from "./templates";

/**
 * The made-up family every letter's preview in the template editor is addressed to (never a real
 * child): the guardian, the child and the district, in the preview's language.
 */
export function sampleFamily(language: LetterLanguage, districtName: string) {
  return {
    language,
    guardianName: language === "es" ? "Ana López" : "Jordan Smith",
    studentFirstName: language === "es" ? "Mateo" : "Alex",
    studentLastName: language === "es" ? "López" : "Smith",
    districtName,
  };
}

/** The made-up staff member a preview names as the family's contact. */
export const SAMPLE_CONTACT = {
  name: "Ms. Johnson",
  email: "johnson@district.example",
  phone: "(555) 555-0100",
};
