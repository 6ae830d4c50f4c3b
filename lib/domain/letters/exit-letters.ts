import { letterDate } from "./enrollment-letter";
import type { LetterLanguage, LetterTemplate } from "./templates";

/**
 * The two letters a family receives when their child leaves a group (issue 11, points 4 and 5):
 * `exit-celebration` when the child met the group's exit criteria and the specialist approved
 * the exit, `closing-summary` when the group itself ended. Rendered like every letter from the
 * district's template of that kind (the built-in one where it has none) in the guardian's
 * language.
 */

/** Every placeholder an exit celebration letter may use, with what it becomes. */
export const EXIT_CELEBRATION_PLACEHOLDERS = {
  guardianName: "the guardian's name",
  studentFirstName: "the child's first name",
  studentName: "the child's full name",
  interventionName: "the intervention's name",
  focusArea: "the focus area, e.g. Reading Fluency",
  exitDate: "the last day in the group",
  achievement: "what the child reached, in plain words (probes and benchmark)",
  followUpWeeks: "how many weeks the school keeps checking in",
  facilitatorName: "who ran the group",
  facilitatorContact: "their e-mail and phone",
  districtName: "the district's name",
} as const;

/** Every placeholder a closing summary letter may use, with what it becomes. */
export const CLOSING_SUMMARY_PLACEHOLDERS = {
  guardianName: "the guardian's name",
  studentFirstName: "the child's first name",
  studentName: "the child's full name",
  interventionName: "the intervention's name",
  focusArea: "the focus area, e.g. Reading Fluency",
  startDate: "the child's first day in the group",
  endDate: "the group's last day",
  summary: "sessions attended and the latest score against the goal",
  facilitatorName: "who ran the group",
  facilitatorContact: "their e-mail and phone",
  districtName: "the district's name",
} as const;

export type ExitCelebrationValues = Record<keyof typeof EXIT_CELEBRATION_PLACEHOLDERS, string>;
export type ClosingSummaryValues = Record<keyof typeof CLOSING_SUMMARY_PLACEHOLDERS, string>;

export const EXIT_CELEBRATION_TEMPLATES: Record<LetterLanguage, LetterTemplate> = {
  en: {
    subject: "Good news from {{districtName}} about your child",
    body: `Dear {{guardianName}},

We are delighted to tell you that {{studentFirstName}} has reached the goals of {{interventionName}} and finished the group on {{exitDate}}.

{{achievement}}

Congratulations to {{studentFirstName}} on this hard work! {{studentFirstName}} now continues with regular classroom instruction. To make sure the progress holds, {{facilitatorName}} will check in with {{studentFirstName}} once a week for the next {{followUpWeeks}} weeks.

Contact: {{facilitatorName}}, {{facilitatorContact}}. Please reach out with any questions.

Sincerely,
{{districtName}}`,
  },
  es: {
    subject: "Buenas noticias de {{districtName}} sobre su hijo o hija",
    body: `Estimado/a {{guardianName}}:

Nos alegra mucho informarle que {{studentFirstName}} alcanzó las metas de {{interventionName}} y terminó el grupo el {{exitDate}}.

{{achievement}}

¡Felicitaciones a {{studentFirstName}} por su esfuerzo! {{studentFirstName}} continúa ahora con la enseñanza regular en el salón de clases. Para asegurarnos de que el progreso se mantenga, {{facilitatorName}} se reunirá brevemente con {{studentFirstName}} una vez por semana durante las próximas {{followUpWeeks}} semanas.

Contacto: {{facilitatorName}}, {{facilitatorContact}}. No dude en comunicarse si tiene preguntas.

Atentamente,
{{districtName}}`,
  },
};

export const CLOSING_SUMMARY_TEMPLATES: Record<LetterLanguage, LetterTemplate> = {
  en: {
    subject: "A message from {{districtName}} about your child",
    body: `Dear {{guardianName}},

{{interventionName}} ended on {{endDate}}. {{studentFirstName}} took part from {{startDate}}.

{{summary}}

The school's team will keep following {{studentFirstName}}'s progress in class and will contact you if further support is recommended.

Contact: {{facilitatorName}}, {{facilitatorContact}}. Please reach out with any questions.

You have the right to ask for an evaluation of {{studentFirstName}} for special education services at any time. To ask, contact {{facilitatorName}} or the school office.

Sincerely,
{{districtName}}`,
  },
  es: {
    subject: "Un mensaje de {{districtName}} sobre su hijo o hija",
    body: `Estimado/a {{guardianName}}:

{{interventionName}} terminó el {{endDate}}. {{studentFirstName}} participó desde el {{startDate}}.

{{summary}}

El equipo de la escuela seguirá el progreso de {{studentFirstName}} en clase y se comunicará con usted si se recomienda más apoyo.

Contacto: {{facilitatorName}}, {{facilitatorContact}}. No dude en comunicarse si tiene preguntas.

Usted tiene derecho a solicitar en cualquier momento una evaluación de {{studentFirstName}} para servicios de educación especial. Para solicitarla, comuníquese con {{facilitatorName}} o con la oficina de la escuela.

Atentamente,
{{districtName}}`,
  },
};

const WORDS = {
  en: {
    noFacilitator: "the school office",
    noContact: "through the school office",
    probes: (n: number, target: string, measure: string) =>
      `${n === 1 ? "The latest check" : `The last ${n} checks`} of ${measure} reached the target of ${target}`,
    benchmark: (name: string, score: string, cut: string) =>
      `and the ${name} score of ${score} is at grade level (${cut} or more).`,
    attended: (attended: number, held: number) =>
      held === 0 ? "No sessions were held." : `Attended ${attended} of ${held} sessions held.`,
    latest: (measure: string, score: string, goal: string | null) =>
      `Latest score on ${measure}: ${score}${goal ? ` (goal ${goal})` : ""}.`,
    measure: "the group's measure",
  },
  es: {
    noFacilitator: "la oficina de la escuela",
    noContact: "a través de la oficina de la escuela",
    probes: (n: number, target: string, measure: string) =>
      `${n === 1 ? "La última evaluación" : `Las últimas ${n} evaluaciones`} de ${measure} alcanzaron la meta de ${target}`,
    benchmark: (name: string, score: string, cut: string) =>
      `y el resultado de ${score} en ${name} está al nivel del grado (${cut} o más).`,
    attended: (attended: number, held: number) =>
      held === 0
        ? "No se realizaron sesiones."
        : `Asistió a ${attended} de ${held} sesiones realizadas.`,
    latest: (measure: string, score: string, goal: string | null) =>
      `Último resultado en ${measure}: ${score}${goal ? ` (meta ${goal})` : ""}.`,
    measure: "la medida del grupo",
  },
} as const;

interface Contact {
  name: string;
  email: string | null;
  phone: string | null;
}

function contactOf(language: LetterLanguage, facilitator: Contact | null) {
  const words = WORDS[language];
  return {
    facilitatorName: facilitator?.name ?? words.noFacilitator,
    facilitatorContact:
      [facilitator?.email, facilitator?.phone].filter(Boolean).join(", ") || words.noContact,
  };
}

/** Whom and what both exit letters are about: the family, the group, and its facilitator. */
export interface ExitLetterSubject {
  language: LetterLanguage;
  guardianName: string;
  studentFirstName: string;
  studentLastName: string;
  districtName: string;
  interventionName: string;
  focusArea: string;
  facilitator: Contact | null;
}

/** The placeholders both exit letters fill from their subject. */
function subjectValues(facts: ExitLetterSubject) {
  return {
    guardianName: facts.guardianName,
    studentFirstName: facts.studentFirstName,
    studentName: `${facts.studentFirstName} ${facts.studentLastName}`,
    interventionName: facts.interventionName,
    focusArea: facts.focusArea,
    districtName: facts.districtName,
    ...contactOf(facts.language, facts.facilitator),
  };
}

const num = (value: number) => String(Math.round(value * 100) / 100);

export interface ExitCelebrationFacts extends ExitLetterSubject {
  exitDate: string;
  followUpWeeks: number;
  /** What the report showed; null parts are left out. */
  probes: { count: number; target: number; measureName: string | null } | null;
  benchmark: { assessmentName: string; score: number; cut: number } | null;
}

export function exitCelebrationValues(facts: ExitCelebrationFacts): ExitCelebrationValues {
  const words = WORDS[facts.language];
  const probes = facts.probes
    ? words.probes(
        facts.probes.count,
        num(facts.probes.target),
        facts.probes.measureName ?? words.measure,
      )
    : "";
  const benchmark = facts.benchmark
    ? words.benchmark(
        facts.benchmark.assessmentName,
        num(facts.benchmark.score),
        num(facts.benchmark.cut),
      )
    : "";
  const achievement = [probes, benchmark].filter(Boolean).join(" ");
  return {
    ...subjectValues(facts),
    exitDate: letterDate(facts.exitDate, facts.language),
    achievement: achievement && !achievement.endsWith(".") ? `${achievement}.` : achievement,
    followUpWeeks: String(facts.followUpWeeks),
  };
}

export interface ClosingSummaryFacts extends ExitLetterSubject {
  enrollmentDate: string;
  endDate: string;
  sessionsAttended: number;
  sessionsHeld: number;
  latestScore: number | null;
  goalValue: number | null;
  measureName: string | null;
}

export function closingSummaryValues(facts: ClosingSummaryFacts): ClosingSummaryValues {
  const words = WORDS[facts.language];
  const latest =
    facts.latestScore === null
      ? ""
      : words.latest(
          facts.measureName ?? words.measure,
          num(facts.latestScore),
          facts.goalValue === null ? null : num(facts.goalValue),
        );
  return {
    ...subjectValues(facts),
    startDate: letterDate(facts.enrollmentDate, facts.language),
    endDate: letterDate(facts.endDate, facts.language),
    summary: [words.attended(facts.sessionsAttended, facts.sessionsHeld), latest]
      .filter(Boolean)
      .join(" "),
  };
}
