import type { RecordedTierDecision } from "../tiers/decision";
import { letterDate } from "./enrollment-letter";
import { SAMPLE_CONTACT, sampleFamily } from "./sample-facts";
import type { LetterLanguage, LetterTemplate } from "./templates";

/**
 * The letter a family receives when their child's tier changes (issue 11, point 1; Scenario 7):
 * from which tier to which, what the new tier means, the team's reasons in plain words, and whom
 * to contact. Rendered like every letter from the district's template (kind `tier-change`) in the
 * guardian's language.
 */

/** Every placeholder a tier-change letter may use, with what it becomes. */
export const TIER_CHANGE_PLACEHOLDERS = {
  guardianName: "the guardian's name",
  studentFirstName: "the child's first name",
  studentName: "the child's full name",
  fromTier: "the tier before, e.g. Tier 2",
  toTier: "the new tier, e.g. Tier 3",
  tierChange:
    'the decision in words, after "decided": "on a change of support: from Tier 2 to Tier 3", or "to keep the support of Tier 2" when a referral keeps the tier',
  decidedOn: "the day of the decision",
  whatItMeans: "what the new tier means for the child, in plain words",
  justification: "the team's reasons, as written in the decision",
  contactName: "who to contact (the specialist who recorded the decision)",
  contactDetails: "their e-mail and phone",
  districtName: "the district's name",
} as const;

export type TierChangeLetterValues = Record<keyof typeof TIER_CHANGE_PLACEHOLDERS, string>;

export const TIER_CHANGE_TEMPLATES: Record<LetterLanguage, LetterTemplate> = {
  en: {
    subject: "A message from {{districtName}} about your child",
    body: `Dear {{guardianName}},

On {{decidedOn}} the school's intervention team met about {{studentFirstName}} and decided {{tierChange}}.

What this means: {{whatItMeans}}

Why the team decided this: {{justification}}

We will keep checking {{studentFirstName}}'s progress and keep you informed. You are welcome to meet the team to talk about this decision.

Contact: {{contactName}}, {{contactDetails}}.

You have the right to ask for an evaluation of {{studentFirstName}} for special education services at any time. To ask, contact {{contactName}} or the school office.

Sincerely,
{{districtName}}`,
  },
  es: {
    subject: "Un mensaje de {{districtName}} sobre su hijo o hija",
    body: `Estimado/a {{guardianName}}:

El {{decidedOn}} el equipo de intervención de la escuela se reunió para hablar de {{studentFirstName}} y decidió {{tierChange}}.

Qué significa: {{whatItMeans}}

Por qué lo decidió el equipo: {{justification}}

Seguiremos revisando el progreso de {{studentFirstName}} y le mantendremos informado/a. Puede reunirse con el equipo para hablar de esta decisión.

Contacto: {{contactName}}, {{contactDetails}}.

Usted tiene derecho a solicitar en cualquier momento una evaluación de {{studentFirstName}} para servicios de educación especial. Para solicitarla, comuníquese con {{contactName}} o con la oficina de la escuela.

Atentamente,
{{districtName}}`,
  },
};

const WORDS = {
  en: {
    tier: (tier: number) => `Tier ${tier}`,
    noTier: "no tiered support",
    changed: (from: string, to: string) => `on a change of support: from ${from} to ${to}`,
    kept: (tier: string) => `to keep the support of ${tier}`,
    meaning: {
      1: "the support every student receives in the classroom, without extra small-group instruction.",
      2: "extra instruction in a small group, several times a week, in addition to regular classroom teaching, with frequent short checks of progress.",
      3: "the most intensive support: instruction in a very small group or one to one, more often and for longer, with weekly checks of progress.",
    } as Record<number, string>,
    refer:
      "The team has also asked for an evaluation for special education services; the school will contact you about your consent.",
    noContact: "the school office",
    noDetails: "through the school office",
  },
  es: {
    tier: (tier: number) => `Nivel ${tier}`,
    noTier: "ningún apoyo por niveles",
    changed: (from: string, to: string) => `un cambio en el apoyo que recibe: de ${from} a ${to}`,
    kept: (tier: string) => `mantener el apoyo de ${tier}`,
    meaning: {
      1: "el apoyo que reciben todos los estudiantes en el salón de clases, sin enseñanza adicional en grupo pequeño.",
      2: "enseñanza adicional en un grupo pequeño, varias veces por semana, además de la enseñanza regular en el salón, con revisiones breves y frecuentes del progreso.",
      3: "el apoyo más intensivo: enseñanza en un grupo muy pequeño o individual, con más frecuencia y más tiempo, y revisiones semanales del progreso.",
    } as Record<number, string>,
    refer:
      "El equipo también ha solicitado una evaluación para servicios de educación especial; la escuela se comunicará con usted para pedir su consentimiento.",
    noContact: "la oficina de la escuela",
    noDetails: "a través de la oficina de la escuela",
  },
} as const;

export interface TierChangeLetterFacts {
  language: LetterLanguage;
  guardianName: string;
  studentFirstName: string;
  studentLastName: string;
  districtName: string;
  fromTier: number | null;
  toTier: number;
  decision: RecordedTierDecision;
  decidedOn: string;
  justification: string;
  contact: { name: string; email: string | null; phone: string | null } | null;
}

export function tierChangeLetterValues(facts: TierChangeLetterFacts): TierChangeLetterValues {
  const words = WORDS[facts.language];
  const meaning = words.meaning[facts.toTier] ?? "";
  const fromTier = facts.fromTier === null ? words.noTier : words.tier(facts.fromTier);
  const toTier = words.tier(facts.toTier);
  return {
    guardianName: facts.guardianName,
    studentFirstName: facts.studentFirstName,
    studentName: `${facts.studentFirstName} ${facts.studentLastName}`,
    fromTier,
    toTier,
    // A referral may keep the tier: "from Tier 2 to Tier 2" would read as a mistake.
    tierChange:
      facts.fromTier === facts.toTier ? words.kept(toTier) : words.changed(fromTier, toTier),
    decidedOn: letterDate(facts.decidedOn, facts.language),
    whatItMeans: facts.decision === "refer" ? `${meaning} ${words.refer}` : meaning,
    justification: facts.justification.trim(),
    contactName: facts.contact?.name ?? words.noContact,
    contactDetails:
      [facts.contact?.email, facts.contact?.phone].filter(Boolean).join(", ") || words.noDetails,
    districtName: facts.districtName,
  };
}

/** Sample facts for the template editor's preview: a made-up child, never a real one. */
export function sampleTierChangeFacts(
  language: LetterLanguage,
  districtName: string,
): TierChangeLetterFacts {
  return {
    ...sampleFamily(language, districtName),
    fromTier: 2,
    toTier: 3,
    decision: "escalate",
    decidedOn: "2026-11-02",
    justification:
      language === "es"
        ? "Después de 8 semanas en grupo pequeño, el progreso sigue por debajo de la meta."
        : "After 8 weeks in a small group, progress is still below the goal.",
    contact: SAMPLE_CONTACT,
  };
}
