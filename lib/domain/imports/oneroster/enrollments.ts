import type { CsvRow } from "../csv";
import { fail, ok, type RowResult, type RowStatus, rowHead } from "./rows";

/** enrollments.csv: students on class rosters, and classes' teachers. */

export interface EnrollmentRecord {
  sourcedId: string;
  status: RowStatus;
  classSourcedId: string;
  userSourcedId: string;
  role: "student" | "teacher";
  primary: boolean;
}

export function parseEnrollment(row: CsvRow): RowResult<EnrollmentRecord> {
  const head = rowHead(row);
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
