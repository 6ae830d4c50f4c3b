import type { CsvRow } from "../csv";
import { fail, ok, type RowResult, type RowStatus, rowHead, sourcedIdList, tooLong } from "./rows";

/** courses.csv and classes.csv: a class section, with its course's subject. */

export interface CourseRecord {
  sourcedId: string;
  title: string;
  subject: string | null;
}

export function parseCourse(row: CsvRow): RowResult<CourseRecord> {
  const head = rowHead(row);
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
  /** OneRoster `periods`: the labels of the bell periods the class meets in ("1", "2"). */
  periods: string[];
}

export function parseClass(row: CsvRow): RowResult<ClassRecord> {
  const head = rowHead(row);
  if (!head.ok) return head;
  const name = row.get("title") || row.get("classCode");
  const schoolSourcedId = row.get("schoolSourcedId");
  if (head.value.status === "active") {
    if (!name) return fail("title is empty.");
    if (!schoolSourcedId) return fail("schoolSourcedId is empty.");
  }
  const subject = sourcedIdList(row.get("subjects"))[0] ?? null;
  const periods = [...new Set(sourcedIdList(row.get("periods")))];
  const problem =
    tooLong("title", name, 200) ??
    tooLong("subjects", subject ?? "", 100) ??
    periods.map((label) => tooLong("a label in periods", label, 40)).find(Boolean) ??
    null;
  if (problem) return fail(problem);
  return ok({
    ...head.value,
    name,
    subject,
    courseSourcedId: row.get("courseSourcedId"),
    schoolSourcedId,
    periods,
  });
}
