import { isValidLocalDate } from "../calendar/dates";
import type { CsvRow } from "./csv";

/**
 * OneRoster 1.1 CSV (IMS Global): what we read from each file, and the rules that turn one row
 * into a record or a reason for rejecting it. Pure: the use-case does the reading and writing.
 *
 * Extension: a guardian's letter language is read from the column `metadata.language` of
 * users.csv (OneRoster lets a bundle add `metadata.*` columns); ISO 639-1 codes ("es", "es-MX")
 * or names ("Spanish", "Español") are understood. English when empty.
 */

export const ONEROSTER_FILES = {
  "manifest.csv": ["propertyName", "value"],
  "orgs.csv": ["sourcedId", "status", "name", "type"],
  "academicSessions.csv": ["sourcedId", "status", "title", "type", "startDate", "endDate"],
  "courses.csv": ["sourcedId", "status", "title"],
  "classes.csv": ["sourcedId", "status", "title", "courseSourcedId", "schoolSourcedId"],
  "users.csv": [
    "sourcedId",
    "status",
    "orgSourcedIds",
    "role",
    "givenName",
    "familyName",
    "identifier",
    "email",
    "agentSourcedIds",
    "grades",
  ],
  "enrollments.csv": ["sourcedId", "status", "classSourcedId", "userSourcedId", "role"],
  "demographics.csv": ["sourcedId", "birthDate"],
} as const;

export type OneRosterFile = keyof typeof ONEROSTER_FILES;

/** Files a bundle must carry; demographics is optional. */
export const REQUIRED_FILES: readonly OneRosterFile[] = [
  "manifest.csv",
  "orgs.csv",
  "academicSessions.csv",
  "courses.csv",
  "classes.csv",
  "users.csv",
  "enrollments.csv",
];

/** The columns of `file` its header lacks; empty when the header is good. */
export function missingColumns(file: OneRosterFile, header: readonly string[]): string[] {
  const present = new Set(header);
  return ONEROSTER_FILES[file].filter((column) => !present.has(column));
}

export type FileMode = "bulk" | "delta" | "absent";

export interface Manifest {
  version: string;
  /** `file.users` → bulk | delta | absent, by file name ("users.csv"). */
  modes: Partial<Record<OneRosterFile, FileMode>>;
}

/**
 * The manifest names the OneRoster version and how each file is meant: "bulk" is the whole
 * truth (what is missing is gone), "delta" only changes, "absent" not sent.
 */
export function parseManifest(properties: ReadonlyMap<string, string>): Manifest | string {
  const version = properties.get("oneroster.version");
  if (!version) return "manifest.csv does not name an oneroster.version.";
  if (!/^1\.1(\.\d+)?$/.test(version)) {
    return `This is OneRoster ${version}; NorthStar reads OneRoster 1.1 CSV bundles.`;
  }
  const modes: Manifest["modes"] = {};
  for (const [key, value] of properties) {
    const match = /^file\.(\w+)$/.exec(key);
    if (!match) continue;
    const file = `${match[1]}.csv` as OneRosterFile;
    if (!(file in ONEROSTER_FILES)) continue;
    const mode = value.trim().toLowerCase();
    if (mode === "bulk" || mode === "delta" || mode === "absent") modes[file] = mode;
  }
  return { version, modes };
}

export type RowResult<T> = { ok: true; value: T } | { ok: false; reason: string };
const ok = <T>(value: T): RowResult<T> => ({ ok: true, value });
const fail = <T>(reason: string): RowResult<T> => ({ ok: false, reason });

export type RowStatus = "active" | "tobedeleted";

/** Bulk files may leave status empty; 1.0's "inactive" is read as a removal too. */
function statusOf(row: CsvRow): RowStatus | null {
  const status = row.get("status").toLowerCase();
  if (status === "" || status === "active") return "active";
  if (status === "tobedeleted" || status === "inactive") return "tobedeleted";
  return null;
}

/** Fields every row has, checked first: a readable row, a sourcedId, a known status. */
function base(row: CsvRow): RowResult<{ sourcedId: string; status: RowStatus }> {
  if (row.error) return fail(row.error);
  const sourcedId = row.get("sourcedId");
  if (!sourcedId) return fail("sourcedId is empty.");
  if (sourcedId.length > 120) return fail("sourcedId is longer than 120 characters.");
  const status = statusOf(row);
  if (!status) return fail(`status "${row.get("status")}" is not active or tobedeleted.`);
  return ok({ sourcedId, status });
}

function tooLong(label: string, value: string, max: number): string | null {
  return value.length > max ? `${label} is longer than ${max} characters.` : null;
}

/** "a, b ,c" → ["a", "b", "c"] */
export function sourcedIdList(value: string): string[] {
  return value
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean);
}

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

export interface OrgRecord {
  sourcedId: string;
  status: RowStatus;
  /** Only schools become records; districts and departments are context. */
  isSchool: boolean;
  name: string;
  code: string | null;
}

export function parseOrg(row: CsvRow): RowResult<OrgRecord> {
  const head = base(row);
  if (!head.ok) return head;
  const type = row.get("type").toLowerCase();
  const name = row.get("name");
  if (head.value.status === "active") {
    if (!type) return fail("type is empty.");
    if (type === "school" && !name) return fail("name is empty.");
  }
  const problem = tooLong("name", name, 200) ?? tooLong("identifier", row.get("identifier"), 40);
  if (problem) return fail(problem);
  return ok({
    ...head.value,
    isSchool: type === "school",
    name,
    code: row.get("identifier") || null,
  });
}

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
  const head = base(row);
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

export interface CourseRecord {
  sourcedId: string;
  title: string;
  subject: string | null;
}

export function parseCourse(row: CsvRow): RowResult<CourseRecord> {
  const head = base(row);
  if (!head.ok) return head;
  return ok({
    sourcedId: head.value.sourcedId,
    title: row.get("title"),
    subject: sourcedIdList(row.get("subjects"))[0] ?? null,
  });
}

export interface ClassRecord {
  sourcedId: string;
  status: RowStatus;
  name: string;
  subject: string | null;
  courseSourcedId: string;
  schoolSourcedId: string;
}

export function parseClass(row: CsvRow): RowResult<ClassRecord> {
  const head = base(row);
  if (!head.ok) return head;
  const name = row.get("title") || row.get("classCode");
  const schoolSourcedId = row.get("schoolSourcedId");
  if (head.value.status === "active") {
    if (!name) return fail("title is empty.");
    if (!schoolSourcedId) return fail("schoolSourcedId is empty.");
  }
  const subject = sourcedIdList(row.get("subjects"))[0] ?? null;
  const problem = tooLong("title", name, 200) ?? tooLong("subjects", subject ?? "", 100);
  if (problem) return fail(problem);
  return ok({
    ...head.value,
    name,
    subject,
    courseSourcedId: row.get("courseSourcedId"),
    schoolSourcedId,
  });
}

export interface EnrollmentRecord {
  sourcedId: string;
  status: RowStatus;
  classSourcedId: string;
  userSourcedId: string;
  role: "student" | "teacher";
  primary: boolean;
}

export function parseEnrollment(row: CsvRow): RowResult<EnrollmentRecord> {
  const head = base(row);
  if (!head.ok) return head;
  const classSourcedId = row.get("classSourcedId");
  const userSourcedId = row.get("userSourcedId");
  if (!classSourcedId) return fail("classSourcedId is empty.");
  if (!userSourcedId) return fail("userSourcedId is empty.");
  const role = row.get("role").toLowerCase();
  if (role !== "student" && role !== "teacher") {
    return fail(`role "${row.get("role")}" is not imported (student and teacher are).`);
  }
  return ok({
    ...head.value,
    classSourcedId,
    userSourcedId,
    role,
    primary: row.get("primary").toLowerCase() === "true",
  });
}

export interface DemographicsRecord {
  sourcedId: string;
  birthDate: string | null;
}

export function parseDemographics(row: CsvRow): RowResult<DemographicsRecord> {
  const head = base(row);
  if (!head.ok) return head;
  const birthDate = row.get("birthDate");
  if (birthDate && !isValidLocalDate(birthDate)) {
    return fail(`birthDate "${birthDate}" is not a date (YYYY-MM-DD).`);
  }
  return ok({ sourcedId: head.value.sourcedId, birthDate: birthDate || null });
}
