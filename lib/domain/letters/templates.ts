import type { FieldError } from "../errors";
import {
  CLOSING_SUMMARY_PLACEHOLDERS,
  CLOSING_SUMMARY_TEMPLATES,
  EXIT_CELEBRATION_PLACEHOLDERS,
  EXIT_CELEBRATION_TEMPLATES,
} from "./exit-letters";
import { TIER_CHANGE_PLACEHOLDERS, TIER_CHANGE_TEMPLATES } from "./tier-change-letter";

/**
 * Letters to families are rendered from templates a district admin may edit (per kind and
 * language); these built-in ones are used where a district has none. Placeholders are
 * `{{name}}`; the values are plain text, filled in by `renderTemplate`.
 */

export const LETTER_KINDS = [
  "enrollment",
  "tier-change",
  "exit-celebration",
  "closing-summary",
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** What each kind of letter is called on the admin's pages. */
export const LETTER_KIND_NAMES: Record<LetterKind, string> = {
  enrollment: "Enrollment letter",
  "tier-change": "Tier change letter",
  "exit-celebration": "Exit celebration letter",
  "closing-summary": "Closing summary letter",
};

/** Languages we have built-in wording for; a guardian in any other language gets English. */
export const LETTER_LANGUAGES = ["en", "es"] as const;
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<LetterLanguage, string> = { en: "English", es: "Español" };

export function letterLanguageFor(language: string | null | undefined): LetterLanguage {
  return (LETTER_LANGUAGES as readonly string[]).includes(language ?? "")
    ? (language as LetterLanguage)
    : "en";
}

/** Every placeholder an enrollment letter may use, with what it becomes. */
export const ENROLLMENT_PLACEHOLDERS = {
  guardianName: "the guardian's name",
  studentFirstName: "the child's first name",
  studentName: "the child's full name",
  interventionName: "the intervention's name",
  focusArea: "the focus area, e.g. Reading Fluency",
  purpose: "purpose and strategies (the intervention's description)",
  schedule: "days, time and session length",
  startDate: "first day",
  endDate: "last day",
  durationWeeks: "duration in weeks",
  goal: "the expected outcome (the intervention's goal)",
  facilitatorName: "who runs the group",
  facilitatorContact: "their e-mail and phone",
  optOut: "how to opt out, as the district allows (empty when not offered)",
  districtName: "the district's name",
} as const;

export type EnrollmentPlaceholder = keyof typeof ENROLLMENT_PLACEHOLDERS;
export type LetterValues = Record<EnrollmentPlaceholder, string>;

/** The placeholders each kind of letter may use. */
export const LETTER_PLACEHOLDERS: Record<LetterKind, Readonly<Record<string, string>>> = {
  enrollment: ENROLLMENT_PLACEHOLDERS,
  "tier-change": TIER_CHANGE_PLACEHOLDERS,
  "exit-celebration": EXIT_CELEBRATION_PLACEHOLDERS,
  "closing-summary": CLOSING_SUMMARY_PLACEHOLDERS,
};

/** Placeholders an edited body of that kind must keep. */
export const REQUIRED_PLACEHOLDERS: Record<LetterKind, readonly string[]> = {
  enrollment: ["optOut"],
  "tier-change": [],
  "exit-celebration": [],
  "closing-summary": [],
};

/**
 * E-mail is not a secure channel: a subject may say who writes, never what the child needs
 * (no intervention name, focus area, tier or goal), as anyone glancing at an inbox sees it.
 */
export const SUBJECT_PLACEHOLDERS: readonly string[] = ["districtName"];

export interface LetterTemplate {
  subject: string;
  body: string;
}

export const DEFAULT_TEMPLATES: Record<LetterKind, Record<LetterLanguage, LetterTemplate>> = {
  enrollment: {
    en: {
      subject: "A message from {{districtName}} about your child",
      body: `Dear {{guardianName}},

We are writing to let you know that {{studentFirstName}} will take part in {{interventionName}}, extra instruction in a small group at school in addition to regular classroom teaching.

Purpose and strategies: {{purpose}}

Schedule: {{schedule}}, from {{startDate}} to {{endDate}} ({{durationWeeks}} weeks).

Expected outcome: {{goal}}

We will check {{studentFirstName}}'s progress regularly and keep you informed.

Contact: {{facilitatorName}}, {{facilitatorContact}}. Please reach out with any questions.

{{optOut}}

You have the right to ask for an evaluation of {{studentFirstName}} for special education services at any time, whatever the results of this intervention. To ask, contact {{facilitatorName}} or the school office.

Sincerely,
{{districtName}}`,
    },
    es: {
      subject: "Un mensaje de {{districtName}} sobre su hijo o hija",
      body: `Estimado/a {{guardianName}}:

Le escribimos para informarle que {{studentFirstName}} participará en {{interventionName}}, enseñanza adicional en un grupo pequeño en la escuela, además de la enseñanza regular en el salón de clases.

Propósito y estrategias: {{purpose}}

Horario: {{schedule}}, del {{startDate}} al {{endDate}} ({{durationWeeks}} semanas).

Resultado esperado: {{goal}}

Revisaremos el progreso de {{studentFirstName}} con regularidad y le mantendremos informado/a.

Contacto: {{facilitatorName}}, {{facilitatorContact}}. No dude en comunicarse si tiene preguntas.

{{optOut}}

Usted tiene derecho a solicitar en cualquier momento una evaluación de {{studentFirstName}} para servicios de educación especial, sean cuales sean los resultados de esta intervención. Para solicitarla, comuníquese con {{facilitatorName}} o con la oficina de la escuela.

Atentamente,
{{districtName}}`,
    },
  },
  "tier-change": TIER_CHANGE_TEMPLATES,
  "exit-celebration": EXIT_CELEBRATION_TEMPLATES,
  "closing-summary": CLOSING_SUMMARY_TEMPLATES,
};

const PLACEHOLDER = /\{\{\s*([a-zA-Z]+)\s*\}\}/g;

/**
 * Fills the placeholders. A placeholder whose value is empty leaves no blank paragraph behind
 * (e.g. the opt-out paragraph where a district does not offer opt-out).
 */
export function renderTemplate(template: string, values: Partial<Record<string, string>>): string {
  return template
    .replace(PLACEHOLDER, (_, name: string) => values[name] ?? "")
    .replace(/\n[ \t]*\n(?:[ \t]*\n)+/g, "\n\n")
    .trim();
}

export function renderLetter(
  template: LetterTemplate,
  values: Readonly<Record<string, string>>,
): LetterTemplate {
  return {
    // A subject is one line whatever the values hold.
    subject: renderTemplate(template.subject, values).replace(/\s+/g, " "),
    body: renderTemplate(template.body, values),
  };
}

/** Problems with an edited template: unknown placeholders, or a subject that could reveal needs. */
export function templateProblems(
  template: LetterTemplate,
  kind: LetterKind = "enrollment",
): FieldError[] {
  const problems: FieldError[] = [];
  const known = new Set(Object.keys(LETTER_PLACEHOLDERS[kind]));
  const check = (path: "subject" | "body", text: string, allowed: ReadonlySet<string>) => {
    for (const [, name] of text.matchAll(PLACEHOLDER)) {
      if (!known.has(name ?? "")) {
        problems.push({ path, message: `{{${name}}} is not a field letters know.` });
      } else if (!allowed.has(name ?? "")) {
        problems.push({
          path,
          message: `{{${name}}} may not appear in a subject: e-mail subjects never say what the child needs.`,
        });
      }
    }
  };
  check("subject", template.subject, new Set(SUBJECT_PLACEHOLDERS));
  check("body", template.body, known);
  if (!template.subject.trim()) problems.push({ path: "subject", message: "Write a subject." });
  if (!template.body.trim()) problems.push({ path: "body", message: "Write the letter." });
  if (template.subject.length > 200)
    problems.push({ path: "subject", message: "200 characters at most." });
  if (template.body.length > 10_000)
    problems.push({ path: "body", message: "10,000 characters at most." });
  if (REQUIRED_PLACEHOLDERS[kind].includes("optOut") && !template.body.includes("{{optOut}}")) {
    problems.push({
      path: "body",
      message: "Keep {{optOut}}: families must learn how to opt out where the district allows it.",
    });
  }
  return problems;
}
