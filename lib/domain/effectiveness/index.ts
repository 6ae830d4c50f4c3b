export { computeEffectiveness } from "./compute-effectiveness";
export { roundEffectivenessForDisplay } from "./display";
export {
  type CostInput,
  costOf,
  perPointOfGain,
  staffHours,
  studentHours,
} from "./investment";
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
export { analyseStudent, type GroupContext, type StudentProgress } from "./student-progress";
export type {
  Cost,
  Effectiveness,
  EffectivenessInput,
  NonResponder,
  StudentSeries,
  StudentsProgressing,
} from "./types";
