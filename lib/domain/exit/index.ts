export {
  DATA_CRITERIA,
  type ExitCriteriaInput,
  type ExitCriteriaResult,
  type ExitCriterion,
  type ExitCriterionKey,
  MAX_PROBES_NEEDED,
  MIN_PROBES_NEEDED,
  meetsDataCriteria,
  meetsExitCriteria,
  PROFICIENT_PROBES_NEEDED,
} from "./exit-criteria";
export {
  FOLLOW_UP_WEEKS,
  followUpDueDates,
  followUpSchedule,
  isFollowUpOverdue,
  isSchoolDay,
  nextSchoolDay,
} from "./follow-up-schedule";
export {
  EXIT_REASON_LABELS,
  EXIT_REASONS,
  type ExitReason,
  exitReasonLabel,
  MANUAL_EXIT_REASONS,
  type ManualExitReason,
} from "./reasons";
export {
  type ExitReport,
  type ExitReportInput,
  exitReport,
  type ReportBenchmark,
  type ReportProbe,
  withRecommendation,
} from "./report";
export {
  approveExitSchema,
  type DeclineExitInput,
  declineExitSchema,
  type EndEnrollmentInput,
  type ExitReviewQuery,
  endEnrollmentSchema,
  exitReviewQuerySchema,
  type RecommendExitInput,
  type RecordFollowUpInput,
  recommendExitSchema,
  recordFollowUpSchema,
} from "./schemas";
