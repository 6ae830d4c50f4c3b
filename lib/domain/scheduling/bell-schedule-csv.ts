import type { CsvRow } from "../imports/csv";
import { z } from "../zod";
import { clockTimeSchema, minutesOf } from "./clock-time";

/**
 * The bell schedule file (docs/imports/bell-schedule.md): one row per period of a school's day,
 * mapping the OneRoster class `periods` label to clock times. Columns, in any order:
 * `school` (sourcedId, code or name), `dayType` (optional: a rotation day such as "A"; empty is
 * every day), `period`, `startTime`, `endTime` ("HH:MM", 24-hour). Everything here is pure; the
 * use-case finds the schools and writes.
 */

const BELL_SCHEDULE_COLUMNS = ["school", "dayType", "period", "startTime", "endTime"] as const;
export type BellScheduleColumn = (typeof BELL_SCHEDULE_COLUMNS)[number];

/** Spellings a district's export may use for each column (compared without case, "_" or " "). */
const ALIASES: Record<BellScheduleColumn, readonly string[]> = {
  school: ["school", "schoolsourcedid", "schoolcode", "schoolname"],
  dayType: ["daytype", "day", "rotationday"],
  period: ["period", "periods", "label"],
  startTime: ["starttime", "start"],
  endTime: ["endtime", "end"],
};

const normal = (name: string) => name.toLowerCase().replace(/[\s_-]/g, "");

/** At most this many rows: a school has a dozen periods per rotation day. */
export const MAX_BELL_SCHEDULE_ROWS = 2000;

export interface BellScheduleHeader {
  /** Each column's name as written in the file's header. */
  columns: Partial<Record<BellScheduleColumn, string>>;
  /** Required columns the header lacks (`dayType` is optional). */
  missing: BellScheduleColumn[];
}

export function bellScheduleHeader(header: readonly string[]): BellScheduleHeader {
  const columns: Partial<Record<BellScheduleColumn, string>> = {};
  for (const column of BELL_SCHEDULE_COLUMNS) {
    const found = header.find((name) => ALIASES[column].includes(normal(name)));
    if (found !== undefined) columns[column] = found;
  }
  const missing = BELL_SCHEDULE_COLUMNS.filter((c) => c !== "dayType" && !columns[c]);
  return { columns, missing };
}

const bellScheduleRowSchema = z
  .object({
    school: z.string().trim().min(1, "school is empty.").max(200, "school is too long."),
    dayType: z.string().trim().max(20, "dayType is longer than 20 characters."),
    period: z
      .string()
      .trim()
      .min(1, "period is empty.")
      .max(40, "period is longer than 40 characters."),
    startTime: clockTimeSchema,
    endTime: clockTimeSchema,
  })
  .refine((row) => minutesOf(row.endTime) > minutesOf(row.startTime), {
    message: "endTime must be after startTime.",
    path: ["endTime"],
  });

export type BellScheduleRecord = z.output<typeof bellScheduleRowSchema>;

/** A row's problem, with the line a spreadsheet shows it on. */
export interface LineProblem {
  line: number;
  reason: string;
}

export interface ParsedBellSchedule {
  rows: { line: number; record: BellScheduleRecord }[];
  problems: LineProblem[];
}

function reasonOf(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = String(issue.path[0] ?? "");
      return issue.message.startsWith(field) ? issue.message : `${field}: ${issue.message}`;
    })
    .join(" ");
}

/**
 * Checks every row: readable, the required fields present, times "HH:MM" with the end after the
 * start, and no period named twice for one school and day type (the second is reported, naming
 * the line of the first). Overlapping periods are allowed: a block period "1-2" may span
 * periods 1 and 2.
 */
export function parseBellSchedule(
  csvRows: readonly CsvRow[],
  columns: Partial<Record<BellScheduleColumn, string>>,
): ParsedBellSchedule {
  const rows: ParsedBellSchedule["rows"] = [];
  const problems: LineProblem[] = [];
  const first = new Map<string, number>();
  const get = (row: CsvRow, column: BellScheduleColumn) => {
    const name = columns[column];
    return name === undefined ? "" : row.get(name);
  };
  for (const row of csvRows) {
    if (row.error) {
      problems.push({ line: row.line, reason: row.error });
      continue;
    }
    const parsed = bellScheduleRowSchema.safeParse({
      school: get(row, "school"),
      dayType: get(row, "dayType"),
      period: get(row, "period"),
      startTime: get(row, "startTime"),
      endTime: get(row, "endTime"),
    });
    if (!parsed.success) {
      problems.push({ line: row.line, reason: reasonOf(parsed.error) });
      continue;
    }
    const record = parsed.data;
    const key = [record.school, record.dayType, record.period]
      .map((v) => v.toLowerCase())
      .join("\u0000");
    const earlier = first.get(key);
    if (earlier !== undefined) {
      problems.push({
        line: row.line,
        reason: `period "${record.period}"${record.dayType ? ` of day ${record.dayType}` : ""} at ${record.school} appears again (first on line ${earlier}).`,
      });
      continue;
    }
    first.set(key, row.line);
    rows.push({ line: row.line, record });
  }
  return { rows, problems };
}
