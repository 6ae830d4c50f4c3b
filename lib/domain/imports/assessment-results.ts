import { isValidLocalDate } from "../calendar/dates";
import { SCREENING_WINDOWS, type ScreeningWindow } from "../screening";
import type { CsvRow } from "./csv";

/**
 * The CSV of screening results a district exports from its assessment tool, one row per
 * student and test:
 *
 *   student_id,assessment,window,date,score,percentile
 *   MG100231,Reading Benchmark,fall,2026-09-15,42,18
 *
 * `student_id` is the district's student number (or the roster's sourcedId); `assessment` the
 * catalogue's name; `window` fall, winter or spring; `date` YYYY-MM-DD or M/D/YYYY;
 * `percentile` may be empty. Column names are matched loosely (case, spaces, underscores) and a
 * few common alternatives are understood, as exports name them differently.
 */
const COLUMN_NAMES = {
  student: ["studentid", "student", "localid", "studentnumber", "sourcedid", "studentsourcedid"],
  assessment: ["assessment", "assessmentname", "test", "testname"],
  window: ["window", "season", "period", "benchmarkperiod"],
  date: ["date", "administeredon", "testdate", "administered"],
  score: ["score", "scaledscore", "rawscore"],
  percentile: ["percentile", "percentilerank", "nationalpercentile"],
} as const;

export type ResultColumn = keyof typeof COLUMN_NAMES;
const REQUIRED: readonly ResultColumn[] = ["student", "assessment", "window", "date", "score"];

const normalize = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");

/** The header's column for each of our fields, or the fields it lacks. */
export function resultColumns(header: readonly string[]): {
  columns: Partial<Record<ResultColumn, string>>;
  missing: ResultColumn[];
} {
  const columns: Partial<Record<ResultColumn, string>> = {};
  for (const field of Object.keys(COLUMN_NAMES) as ResultColumn[]) {
    const names: readonly string[] = COLUMN_NAMES[field];
    const found = header.find((column) => names.includes(normalize(column)));
    if (found !== undefined) columns[field] = found;
  }
  return { columns, missing: REQUIRED.filter((field) => columns[field] === undefined) };
}

export interface ResultRecord {
  studentKey: string;
  assessmentName: string;
  window: ScreeningWindow;
  administeredOn: string;
  score: number;
  percentile: number | null;
}

/** "9/15/2026" or "2026-09-15" → "2026-09-15"; null when not a real date. */
export function parseResultDate(raw: string): string | null {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  const iso = us ? `${us[3]}-${us[1]?.padStart(2, "0")}-${us[2]?.padStart(2, "0")}` : raw;
  return isValidLocalDate(iso) ? iso : null;
}

/** `assessmentName` stands in for a file without an assessment column (one chosen on upload). */
export function parseResultRow(
  row: CsvRow,
  columns: Partial<Record<ResultColumn, string>>,
  assessmentName?: string,
): { ok: true; value: ResultRecord } | { ok: false; reason: string } {
  if (row.error) return { ok: false, reason: row.error };
  const get = (field: ResultColumn) => {
    const column = columns[field];
    return column === undefined ? "" : row.get(column);
  };
  const studentKey = get("student");
  if (!studentKey) return { ok: false, reason: "The student id is empty." };
  const assessment = assessmentName ?? get("assessment");
  if (!assessment) return { ok: false, reason: "The assessment is empty." };
  const window = get("window").toLowerCase();
  if (!(SCREENING_WINDOWS as readonly string[]).includes(window)) {
    return { ok: false, reason: `window "${get("window")}" is not fall, winter or spring.` };
  }
  const administeredOn = parseResultDate(get("date"));
  if (!administeredOn)
    return { ok: false, reason: `date "${get("date")}" is not a date (YYYY-MM-DD).` };
  const rawScore = get("score");
  const score = Number(rawScore);
  if (rawScore === "" || !Number.isFinite(score)) {
    return { ok: false, reason: `score "${rawScore}" is not a number.` };
  }
  const rawPercentile = get("percentile");
  const percentile = rawPercentile === "" ? null : Number(rawPercentile);
  if (
    percentile !== null &&
    !(Number.isInteger(percentile) && percentile >= 1 && percentile <= 99)
  ) {
    return {
      ok: false,
      reason: `percentile "${rawPercentile}" is not a whole number from 1 to 99.`,
    };
  }
  return {
    ok: true,
    value: {
      studentKey,
      assessmentName: assessment,
      window: window as ScreeningWindow,
      administeredOn,
      score,
      percentile,
    },
  };
}
