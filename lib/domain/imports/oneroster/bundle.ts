/**
 * OneRoster 1.1 CSV (IMS Global): the files of a bundle, the columns we read from each, and the
 * manifest. The rules that turn one row of a file into a record or a reason for rejecting it are
 * beside this, one module per file kind. Pure: the use-case does the reading and writing.
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
