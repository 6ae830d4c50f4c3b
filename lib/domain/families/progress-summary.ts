import type { AttendanceStatus } from "../attendance";
import { attendanceRate } from "../attendance";
import type { LocalDate } from "../calendar/dates";
import { letterDate } from "../letters/enrollment-letter";
import type { LetterLanguage } from "../letters/templates";
import type { MeasureDirection } from "../progress/measure-direction";
import type { SegmentVerdict } from "../progress/timeline";

/**
 * The quarterly progress summary a family receives (issue 13, point 1; docs/domain.md,
 * "Progress summaries"): for each of the child's groups of the period, what was held, how often
 * the child came, where the child stands against the goal in plain words, the notes the family
 * may read, and whom to ask. Built from what this guardian may see, never more.
 */

/** The communications kind of a summary's letter (the mailbox, the portal, its PDF). */
export const PROGRESS_SUMMARY_KIND = "progress-summary";

export interface SummaryGroup {
  name: string;
  /** `ended`: the child left the group, or it ended, during the period. */
  status: "continuing" | "ended";
  facilitator: { name: string; email: string | null } | null;
  /** Sessions of the group held in the period. */
  sessionsHeld: number;
  /** The child's attendance marks of the period. */
  marks: AttendanceStatus[];
  measure: {
    name: string;
    unit: string | null;
    direction: MeasureDirection;
    goal: number | null;
    /** The group's last day: the goal is for then. */
    goalBy: LocalDate;
  } | null;
  /** Every score of the child in the group so far, oldest first (the graph). */
  scores: { date: LocalDate; value: number }[];
  verdict: SegmentVerdict | null;
  /** The family-visible notes written in the period. */
  notes: { date: LocalDate; text: string }[];
  nextSession: LocalDate | null;
}

export interface SummaryContent {
  language: LetterLanguage;
  guardianName: string;
  studentFirstName: string;
  studentLastName: string;
  districtName: string;
  period: { name: string; from: LocalDate; to: LocalDate };
  groups: SummaryGroup[];
}

const WORDS = {
  en: {
    subject: (district: string) => `A progress summary from ${district}`,
    greeting: (name: string) => `Dear ${name},`,
    opening: (child: string, period: string, from: string, to: string) =>
      `This is ${child}'s progress summary for ${period} (${from} to ${to}).`,
    none: (child: string) => `${child} was not in an intervention group during this period.`,
    ended: "This group has ended.",
    held: (n: number) => (n === 1 ? "1 session was held" : `${n} sessions were held`),
    attended: (child: string, rate: string) => `${child} attended ${rate} of them.`,
    notMarked: "Attendance was not taken.",
    latest: (child: string, measure: string, value: string, date: string) =>
      `${child}'s latest ${measure} is ${value} (${date}).`,
    goal: (goal: string, by: string) => `The goal by ${by} is ${goal}.`,
    verdict: {
      continue: (child: string) => `${child} is on track.`,
      "raise-goal": (child: string) => `${child} is ahead of the plan.`,
      "change-intervention": (child: string) =>
        `${child} is below the plan so far; the team is looking at what to change.`,
      "improve-fidelity": (child: string) =>
        `Too few sessions were held to judge ${child}'s progress; the team is working on it.`,
      "insufficient-data": (child: string) =>
        `It is too early to tell how ${child} is doing against the goal.`,
      "no-goal": (_child: string) => "No goal is set for this group yet.",
    },
    noScores: "No scores were recorded yet.",
    notes: "Notes from the team:",
    next: (date: string) => `Next session: ${date}.`,
    contact: (name: string, email: string | null) =>
      `Questions? Contact ${name}${email ? ` (${email})` : ""}.`,
    portal: "You can read this summary and your child's notes in the family portal.",
    closing: (district: string) => `Sincerely,\n${district}`,
  },
  es: {
    subject: (district: string) => `Un resumen del progreso de ${district}`,
    greeting: (name: string) => `Estimado/a ${name}:`,
    opening: (child: string, period: string, from: string, to: string) =>
      `Este es el resumen del progreso de ${child} para ${period} (del ${from} al ${to}).`,
    none: (child: string) =>
      `${child} no participó en un grupo de intervención durante este período.`,
    ended: "Este grupo ha terminado.",
    held: (n: number) => (n === 1 ? "Se realizó 1 sesión" : `Se realizaron ${n} sesiones`),
    attended: (child: string, rate: string) => `${child} asistió al ${rate} de ellas.`,
    notMarked: "No se tomó asistencia.",
    latest: (child: string, measure: string, value: string, date: string) =>
      `El resultado más reciente de ${child} en ${measure} es ${value} (${date}).`,
    goal: (goal: string, by: string) => `La meta para el ${by} es ${goal}.`,
    verdict: {
      continue: (child: string) => `${child} va bien encaminado/a.`,
      "raise-goal": (child: string) => `${child} va por delante del plan.`,
      "change-intervention": (child: string) =>
        `${child} va por debajo del plan; el equipo está viendo qué cambiar.`,
      "improve-fidelity": (child: string) =>
        `Se realizaron pocas sesiones para juzgar el progreso de ${child}; el equipo está trabajando en ello.`,
      "insufficient-data": (child: string) =>
        `Todavía es pronto para saber cómo va ${child} respecto a la meta.`,
      "no-goal": (_child: string) => "Este grupo todavía no tiene una meta.",
    },
    noScores: "Todavía no se registraron resultados.",
    notes: "Notas del equipo:",
    next: (date: string) => `Próxima sesión: ${date}.`,
    contact: (name: string, email: string | null) =>
      `¿Preguntas? Comuníquese con ${name}${email ? ` (${email})` : ""}.`,
    portal: "Puede leer este resumen y las notas de su hijo o hija en el portal para familias.",
    closing: (district: string) => `Atentamente,\n${district}`,
  },
} as const;

function withUnit(value: number, unit: string | null): string {
  return unit ? `${value} ${unit}` : String(value);
}

/** The child's attendance of the period in words, as a share of the sessions marked. */
function attendanceInWords(group: SummaryGroup, child: string, language: LetterLanguage): string {
  const words = WORDS[language];
  const rate = attendanceRate(group.marks);
  const held = `${words.held(group.sessionsHeld)}.`;
  if (rate === null) return `${held} ${words.notMarked}`;
  return `${held} ${words.attended(child, `${Math.round(rate * 100)} %`)}`;
}

/**
 * Where the child stands in plain words: "Emma's latest words correct per minute is 62 (Jan 8,
 * 2027). The goal by Feb 26, 2027 is 90. Emma is on track."
 */
export function progressInWords(
  group: SummaryGroup,
  child: string,
  language: LetterLanguage,
): string {
  const words = WORDS[language];
  if (!group.measure) return words.verdict["no-goal"](child);
  const latest = group.scores.at(-1);
  const parts = [
    latest
      ? words.latest(
          child,
          group.measure.name,
          withUnit(latest.value, group.measure.unit),
          letterDate(latest.date, language),
        )
      : words.noScores,
  ];
  if (group.measure.goal !== null) {
    parts.push(
      words.goal(
        withUnit(group.measure.goal, group.measure.unit),
        letterDate(group.measure.goalBy, language),
      ),
    );
  }
  if (group.verdict) parts.push(words.verdict[group.verdict](child));
  return parts.join(" ");
}

export interface SummaryParts {
  subject: string;
  greeting: string;
  opening: string;
  /** One per group: its name and lines; empty when the child was in no group. */
  groups: { name: string; lines: string[]; group: SummaryGroup }[];
  /** Said instead of the groups when there were none. */
  none: string | null;
  closing: string[];
}

/** The summary's words, in the guardian's language, shared by the letter and its PDF. */
export function summaryParts(content: SummaryContent): SummaryParts {
  const words = WORDS[content.language];
  const language = content.language;
  const child = content.studentFirstName;
  const groups = content.groups.map((group) => {
    const lines = [
      ...(group.status === "ended" ? [words.ended] : []),
      attendanceInWords(group, child, language),
      progressInWords(group, child, language),
    ];
    if (group.notes.length > 0) {
      lines.push(
        words.notes,
        ...group.notes.map((note) => `- ${letterDate(note.date, language)}: ${note.text}`),
      );
    }
    if (group.status === "continuing" && group.nextSession) {
      lines.push(words.next(letterDate(group.nextSession, language)));
    }
    if (group.facilitator) {
      lines.push(words.contact(group.facilitator.name, group.facilitator.email));
    }
    return { name: group.name, lines, group };
  });
  return {
    // A subject never says what the child needs: e-mail is not a private channel.
    subject: words.subject(content.districtName),
    greeting: words.greeting(content.guardianName),
    opening: words.opening(
      child,
      content.period.name,
      letterDate(content.period.from, language),
      letterDate(content.period.to, language),
    ),
    groups,
    none: groups.length === 0 ? words.none(child) : null,
    closing: [words.portal, words.closing(content.districtName)],
  };
}

/** The summary as a letter (plain text, in the guardian's language). */
export function summaryLetter(content: SummaryContent): { subject: string; body: string } {
  const parts = summaryParts(content);
  const body = [
    parts.greeting,
    parts.opening,
    ...parts.groups.map((g) => [g.name, ...g.lines].join("\n")),
    ...(parts.none ? [parts.none] : []),
    ...parts.closing,
  ].join("\n\n");
  return { subject: parts.subject, body };
}
