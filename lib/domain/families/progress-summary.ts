import { portalText } from "@/lib/i18n/portal";
import type { AttendanceStatus } from "../attendance";
import { attendanceRate } from "../attendance";
import type { LocalDate } from "../calendar/dates";
import { letterDate } from "../letters/enrollment-letter";
import type { LetterLanguage } from "../letters/templates";
import type { MeasureDirection } from "../progress/measure-direction";
import type { SegmentVerdict } from "../progress/timeline";
import { familyStanding, standingSentence } from "./standing";

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
    notes: "Notas del equipo:",
    next: (date: string) => `Próxima sesión: ${date}.`,
    contact: (name: string, email: string | null) =>
      `¿Preguntas? Comuníquese con ${name}${email ? ` (${email})` : ""}.`,
    portal: "Puede leer este resumen y las notas de su hijo o hija en el portal para familias.",
    closing: (district: string) => `Atentamente,\n${district}`,
  },
} as const;

/** The child's attendance of the period in words, as a share of the sessions marked. */
function attendanceInWords(group: SummaryGroup, child: string, language: LetterLanguage): string {
  const words = WORDS[language];
  const rate = attendanceRate(group.marks);
  const held = `${words.held(group.sessionsHeld)}.`;
  if (rate === null) return `${held} ${words.notMarked}`;
  return `${held} ${words.attended(child, `${Math.round(rate * 100)} %`)}`;
}

/**
 * Where the child stands in plain words, as the portal's progress page says it
 * (standing.ts → standingSentence): the latest score, the goal and its date, on track or not.
 */
export function progressInWords(
  group: SummaryGroup,
  child: string,
  language: LetterLanguage,
): string {
  if (!group.measure) return portalText(language).text.progress.standing["no-goal"]();
  const latest = group.scores.at(-1) ?? null;
  return standingSentence(
    {
      firstName: child,
      measureName: group.measure.name,
      unit: group.measure.unit,
      latest,
      goal: group.measure.goal,
      goalDate: group.measure.goalBy,
      standing: familyStanding(group.verdict ?? "insufficient-data"),
    },
    language,
  );
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
