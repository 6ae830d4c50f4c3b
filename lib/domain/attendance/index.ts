export {
  attendanceRate,
  attendanceRateFromCounts,
  attendedCount,
  countByStatus,
} from "./attendance-rate";
export { type DeliveryToDate, FIDELITY_THRESHOLD, type Fidelity, fidelity } from "./fidelity";
export {
  DEFAULT_FOLLOW_UP_SETTINGS,
  type FlaggedStudent,
  type FollowUpFlag,
  type FollowUpReason,
  type FollowUpSettings,
  followUpFlags,
} from "./follow-up-flags";
export { ratio } from "./ratio";
export * from "./types";
