import type { ExitReviewListRow } from "@/db/queries/exits/reviews";
import type { ExitReviewStatus } from "@/lib/domain/decisions/kinds";
import type { ExitReport } from "@/lib/domain/exit";

/** What an exit review and a follow-up are about: one enrollment of a student in a group. */
export interface ExitEnrollmentRef {
  id: string;
  enrollmentId: string;
  interventionId: string;
  interventionName: string;
  studentId: string;
  studentName: string;
}

/** An exit review as the API and the pages show it, with its report. */
export interface ExitReviewDto extends ExitEnrollmentRef {
  studentGrade: number;
  status: ExitReviewStatus;
  eligibleOn: string;
  evaluatedAt: string;
  report: ExitReport;
  recommendedBy: string | null;
  recommendedByName: string | null;
  recommendedAt: string | null;
  recommendationNote: string | null;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
}

const iso = (value: Date | null) => value?.toISOString() ?? null;

/** The enrollment a listed review or follow-up is about, with the student's name in full. */
export function exitEnrollmentRef(
  row: Omit<ExitEnrollmentRef, "studentName"> & {
    studentFirstName: string;
    studentLastName: string;
  },
): ExitEnrollmentRef {
  return {
    id: row.id,
    enrollmentId: row.enrollmentId,
    interventionId: row.interventionId,
    interventionName: row.interventionName,
    studentId: row.studentId,
    studentName: `${row.studentFirstName} ${row.studentLastName}`,
  };
}

export function exitReviewDto(row: ExitReviewListRow): ExitReviewDto {
  return {
    ...exitEnrollmentRef(row),
    studentGrade: row.studentGrade,
    status: row.status,
    eligibleOn: row.eligibleOn,
    evaluatedAt: row.evaluatedAt.toISOString(),
    report: row.criteria as ExitReport,
    recommendedBy: row.recommendedBy,
    recommendedByName: row.recommendedByName,
    recommendedAt: iso(row.recommendedAt),
    recommendationNote: row.recommendationNote,
    decidedBy: row.decidedBy,
    decidedByName: row.decidedByName,
    decidedAt: iso(row.decidedAt),
    decisionReason: row.decisionReason,
  };
}
