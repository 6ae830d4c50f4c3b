import type { CsvRow } from "../csv";
import { fail, ok, type RowResult, type RowStatus, rowHead, sourcedIdList, tooLong } from "./rows";

/**
 * users.csv: students, staff and guardians, by role.
 *
 * Extension: a guardian's letter language is read from the column `metadata.language` of
 * users.csv (OneRoster lets a bundle add `metadata.*` columns); ISO 639-1 codes ("es", "es-MX")
 * or names ("Spanish", "Español") are understood. English when empty.
 */

/** OneRoster grades (CEDS codes "KG", "01"…"12") to ours: 0 = kindergarten, 1–12. */
export function parseGrade(raw: string): number | null {
  const code = raw.trim().toUpperCase();
  if (code === "KG" || code === "K" || code === "TK") return 0;
  if (!/^\d{1,2}$/.test(code)) return null;
  const grade = Number(code);
  return grade >= 1 && grade <= 12 ? grade : null;
}

const LANGUAGE_NAMES: Record<string, string> = {
  english: "en",
  spanish: "es",
  español: "es",
  espanol: "es",
  castellano: "es",
  vietnamese: "vi",
  chinese: "zh",
  arabic: "ar",
  somali: "so",
  hmong: "hmn",
  french: "fr",
  portuguese: "pt",
  russian: "ru",
};

/** A language as letters need it (ISO 639 code, lower case); null when not understood. */
export function normalizeLanguage(raw: string): string | null {
  const value = raw.trim().toLowerCase();
  if (!value) return null;
  if (LANGUAGE_NAMES[value]) return LANGUAGE_NAMES[value];
  const match = /^([a-z]{2,3})(?:[-_][a-z0-9]+)*$/.exec(value);
  return match?.[1] ?? null;
}

const EMAIL = /^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$/;

export const STAFF_ROLES = ["teacher", "aide", "administrator"] as const;
export const GUARDIAN_ROLES = ["parent", "guardian", "relative"] as const;

interface PersonBase {
  sourcedId: string;
  status: RowStatus;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  orgSourcedIds: string[];
  agentSourcedIds: string[];
}

export type UserRecord =
  | (PersonBase & { kind: "student"; localId: string; grade: number })
  | (PersonBase & { kind: "staff"; role: string })
  | (PersonBase & { kind: "guardian"; language: string; relationship: string });

/** Which of our kinds a users.csv role becomes, or null when we do not keep that role. */
export function kindOfRole(role: string): UserRecord["kind"] | null {
  const r = role.trim().toLowerCase();
  if (r === "student") return "student";
  if ((STAFF_ROLES as readonly string[]).includes(r)) return "staff";
  if ((GUARDIAN_ROLES as readonly string[]).includes(r)) return "guardian";
  return null;
}

export function parseUser(row: CsvRow): RowResult<UserRecord> {
  const head = rowHead(row);
  if (!head.ok) return head;
  const role = row.get("role");
  const kind = kindOfRole(role);
  if (!kind) return fail(role ? `role "${role}" is not imported.` : "role is empty.");
  const person: PersonBase = {
    ...head.value,
    firstName: row.get("givenName"),
    lastName: row.get("familyName"),
    email: row.get("email") || null,
    phone: row.get("phone") || row.get("sms") || null,
    orgSourcedIds: sourcedIdList(row.get("orgSourcedIds")),
    agentSourcedIds: sourcedIdList(row.get("agentSourcedIds")),
  };
  const active = person.status === "active";
  if (active) {
    if (!person.firstName) return fail("givenName is empty.");
    if (!person.lastName) return fail("familyName is empty.");
    if (person.email && !EMAIL.test(person.email)) {
      return fail(`email "${person.email}" is not an e-mail address.`);
    }
  }
  const problem =
    tooLong("givenName", person.firstName, 100) ??
    tooLong("familyName", person.lastName, 100) ??
    tooLong("email", person.email ?? "", 254) ??
    tooLong("phone", person.phone ?? "", 40);
  if (problem) return fail(problem);

  if (kind === "student") {
    const localId = row.get("identifier") || head.value.sourcedId;
    if (localId.length > 40) return fail("identifier is longer than 40 characters.");
    const grades = sourcedIdList(row.get("grades"));
    const grade = grades.length > 0 ? parseGrade(grades[0] ?? "") : null;
    if (active && grade === null) {
      return fail(
        grades.length === 0
          ? "grades is empty; a student needs a grade (KG, 01–12)."
          : `grade "${grades[0]}" is not KG or 01–12.`,
      );
    }
    if (active && person.orgSourcedIds.length === 0) return fail("orgSourcedIds is empty.");
    return ok({ ...person, kind, localId, grade: grade ?? 0 });
  }
  if (kind === "staff") return ok({ ...person, kind, role: role.toLowerCase() });
  const rawLanguage = row.get("metadata.language");
  const language = rawLanguage ? normalizeLanguage(rawLanguage) : "en";
  if (!language) return fail(`metadata.language "${rawLanguage}" is not a language we know.`);
  return ok({ ...person, kind, language, relationship: role.toLowerCase() });
}
