export {
  CHANCE_LABELS,
  type ChanceBand,
  chanceBand,
  ON_TRACK_CHANCE,
  UNLIKELY_CHANCE,
} from "./chance";
export { computeEffectiveness, computeGroupEffectiveness } from "./compute-effectiveness";
export { roundEffectivenessForDisplay, roundStudentProgressForDisplay } from "./display";
export { type GroupAveragePoint, groupAverageByWeek } from "./group-average";
export {
  type CostInput,
  costOf,
  perPointOfGain,
  type Spent,
  spentOf,
  staffHours,
  studentHours,
} from "./investment";
export { NEXT_DECISION_LABELS, type NextDecision, nextDecisionDue } from "./next-decision";
export {
  findNonResponders,
  NON_RESPONDER_MIN_WEEKS,
  type NonResponderContext,
} from "./non-responders";
export {
  FAILING_RATE,
  RECOMMENDATIONS,
  RESPONDING_RATE,
  type Recommendation,
  type RecommendationInput,
  recommend,
} from "./recommendation";
export {
  isPastMidpoint,
  type RecommendationReason,
  type RecommendationReasonInput,
  recommendationReason,
} from "./recommendation-reason";
export { analyseStudent, type GroupContext, type StudentProgress } from "./student-progress";
export {
  isSummaryCurrent,
  readsEveryNote,
  type SummaryClock,
  type SummaryState,
} from "./summary-freshness";
export type {
  Cost,
  Effectiveness,
  EffectivenessInput,
  NonResponder,
  StudentSeries,
  StudentsProgressing,
} from "./types";
