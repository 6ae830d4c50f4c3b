import type { Weekday } from "../calendar/dates";
import { formatLongDate } from "../calendar/format";
import { SAMPLE_CONTACT, sampleFamily } from "./sample-facts";
import type { LetterLanguage, LetterValues } from "./templates";

/**
 * What an enrollment letter says (Scenario 8, docs/domain.md "Letters and messages to families"),
 * in the guardian's language: name and purpose, schedule and duration, expected outcome, the
 * facilitator's contact, and how to opt out where the district allows it.
 */

export const OPT_OUT_MODES = ["not-offered", "by-request", "one-click"] as const;
export type OptOutMode = (typeof OPT_OUT_MODES)[number];

/**
 * How a letter travels by e-mail, which is not a secure channel: the whole letter in the body,
 * or a short notice that names no child's needs and points to the family portal, where the
 * letter itself is read after signing in.
 */
export const LETTER_DELIVERY_MODES = ["full-letter", "portal-notice"] as const;
export type LetterDeliveryMode = (typeof LETTER_DELIVERY_MODES)[number];

export interface LetterSettings {
  /** District setting `optOut`; "by-request" unless the district chose otherwise. */
  optOut: OptOutMode;
  /** District setting `letterDelivery`; "full-letter" unless the district chose otherwise. */
  delivery: LetterDeliveryMode;
}

const oneOf = <T extends string>(choices: readonly T[], value: unknown, fallback: T): T =>
  (choices as readonly unknown[]).includes(value) ? (value as T) : fallback;

export function letterSettingsOf(settings: unknown): LetterSettings {
  const stored = (settings ?? {}) as { optOut?: unknown; letterDelivery?: unknown };
  return {
    optOut: oneOf(OPT_OUT_MODES, stored.optOut, "by-request"),
    delivery: oneOf(LETTER_DELIVERY_MODES, stored.letterDelivery, "full-letter"),
  };
}

/**
 * The e-mail sent instead of the letter where the district chose "portal-notice": who it is
 * from and where to read it, in the guardian's language, and nothing about the child.
 */
export function portalNotice(
  language: LetterLanguage,
  facts: { guardianName: string; districtName: string; portalUrl: string },
): string {
  const { guardianName, districtName, portalUrl } = facts;
  return language === "es"
    ? `Estimado/a ${guardianName}:\n\n${districtName} le ha enviado una carta sobre su hijo o hija. Por su privacidad, la carta no va en este correo: léala en el portal para familias, después de iniciar sesión:\n\n${portalUrl}\n\nSi no tiene acceso al portal, comuníquese con la escuela.\n\n${districtName}`
    : `Dear ${guardianName},\n\n${districtName} has sent you a letter about your child. For your family's privacy the letter is not in this e-mail: read it in the family portal after signing in:\n\n${portalUrl}\n\nIf you cannot reach the portal, please contact the school.\n\n${districtName}`;
}

export interface EnrollmentLetterFacts {
  language: LetterLanguage;
  guardianName: string;
  studentFirstName: string;
  studentLastName: string;
  districtName: string;
  intervention: {
    name: string;
    focusArea: string;
    description: string | null;
    goal: string | null;
    scheduleDays: readonly Weekday[];
    startTime: string;
    sessionMinutes: number;
    startDate: string;
    endDate: string;
    durationWeeks: number;
  };
  facilitator: { name: string; email: string | null; phone: string | null } | null;
  optOut: { mode: OptOutMode; link?: string; expiresOn?: string };
}

const DAY_NAMES: Record<LetterLanguage, Record<Weekday, string>> = {
  en: {
    MO: "Mondays",
    TU: "Tuesdays",
    WE: "Wednesdays",
    TH: "Thursdays",
    FR: "Fridays",
    SA: "Saturdays",
    SU: "Sundays",
  },
  es: {
    MO: "lunes",
    TU: "martes",
    WE: "miércoles",
    TH: "jueves",
    FR: "viernes",
    SA: "sábados",
    SU: "domingos",
  },
};

const WORDS = {
  en: {
    and: "and",
    schedule: (days: string, time: string, minutes: number) =>
      `${days} at ${time}, ${minutes} minutes each session`,
    purpose: (focus: string) =>
      `focused practice in ${focus.toLowerCase()}, with frequent short checks of progress`,
    goal: (focus: string) =>
      `measurable growth in ${focus.toLowerCase()}, checked against a goal the team will share with you`,
    noFacilitator: "the school's intervention team",
    noContact: "through the school office",
    byRequest: (child: string, who: string, contact: string) =>
      `Taking part is your choice. If you do not want ${child} to take part, tell ${who} (${contact}) and your decision will be recorded.`,
    oneClick: (child: string, link: string, until: string) =>
      `Taking part is your choice. If you do not want ${child} to take part, you can opt out here: ${link} (this link works until ${until}).`,
    dateLocale: "en-US",
  },
  es: {
    and: "y",
    schedule: (days: string, time: string, minutes: number) =>
      `los ${days} a las ${time}, sesiones de ${minutes} minutos`,
    purpose: (focus: string) =>
      `práctica enfocada en ${focus.toLowerCase()}, con revisiones breves y frecuentes del progreso`,
    goal: (focus: string) =>
      `un avance medible en ${focus.toLowerCase()}, según una meta que el equipo compartirá con usted`,
    noFacilitator: "el equipo de intervención de la escuela",
    noContact: "a través de la oficina de la escuela",
    byRequest: (child: string, who: string, contact: string) =>
      `La participación es su decisión. Si no desea que ${child} participe, avise a ${who} (${contact}) y su decisión quedará registrada.`,
    oneClick: (child: string, link: string, until: string) =>
      `La participación es su decisión. Si no desea que ${child} participe, puede indicarlo aquí: ${link} (este enlace funciona hasta el ${until}).`,
    dateLocale: "es-US",
  },
} as const;

/** "Mondays, Wednesdays and Fridays" / "lunes, miércoles y viernes" */
export function listDays(days: readonly Weekday[], language: LetterLanguage): string {
  const names = days.map((d) => DAY_NAMES[language][d]);
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} ${WORDS[language].and} ${names.at(-1)}`;
}

/** A calendar date as a letter writes it: "September 8, 2026" / "8 de septiembre de 2026". */
export function letterDate(date: string, language: LetterLanguage): string {
  return formatLongDate(date, WORDS[language].dateLocale);
}

export function enrollmentLetterValues(facts: EnrollmentLetterFacts): LetterValues {
  const words = WORDS[facts.language];
  const { intervention: i } = facts;
  const facilitatorName = facts.facilitator?.name ?? words.noFacilitator;
  const contact =
    [facts.facilitator?.email, facts.facilitator?.phone].filter(Boolean).join(", ") ||
    words.noContact;
  const optOut =
    facts.optOut.mode === "one-click" && facts.optOut.link
      ? words.oneClick(
          facts.studentFirstName,
          facts.optOut.link,
          letterDate(facts.optOut.expiresOn ?? i.endDate, facts.language),
        )
      : facts.optOut.mode === "not-offered"
        ? ""
        : words.byRequest(facts.studentFirstName, facilitatorName, contact);
  return {
    guardianName: facts.guardianName,
    studentFirstName: facts.studentFirstName,
    studentName: `${facts.studentFirstName} ${facts.studentLastName}`,
    interventionName: i.name,
    focusArea: i.focusArea,
    purpose: i.description?.trim() || words.purpose(i.focusArea),
    schedule: words.schedule(
      listDays(i.scheduleDays, facts.language),
      i.startTime,
      i.sessionMinutes,
    ),
    startDate: letterDate(i.startDate, facts.language),
    endDate: letterDate(i.endDate, facts.language),
    durationWeeks: String(i.durationWeeks),
    goal: i.goal?.trim() || words.goal(i.focusArea),
    facilitatorName,
    facilitatorContact: contact,
    optOut,
    districtName: facts.districtName,
  };
}

/** Sample facts for the template editor's preview: a made-up child, never a real one. */
export function sampleLetterFacts(
  language: LetterLanguage,
  districtName: string,
  optOut: OptOutMode,
): EnrollmentLetterFacts {
  return {
    ...sampleFamily(language, districtName),
    intervention: {
      name: "Small Group Reading - Tier 2",
      focusArea: "Reading Fluency",
      description: null,
      goal: "Read 90 words correct per minute by the end of the group",
      scheduleDays: ["MO", "WE", "FR"],
      startTime: "10:00",
      sessionMinutes: 30,
      startDate: "2026-09-08",
      endDate: "2026-10-30",
      durationWeeks: 8,
    },
    facilitator: SAMPLE_CONTACT,
    optOut: {
      mode: optOut,
      link: "https://northstar.example/opt-out?token=…",
      expiresOn: "2026-11-07",
    },
  };
}
