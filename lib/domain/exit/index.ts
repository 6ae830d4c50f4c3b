export {
  type ExitCriteriaInput,
  type ExitCriteriaResult,
  type ExitCriterion,
  type ExitCriterionKey,
  meetsExitCriteria,
  PROFICIENT_PROBES_NEEDED,
} from "./exit-criteria";
export { FOLLOW_UP_WEEKS, followUpSchedule } from "./follow-up-schedule";
