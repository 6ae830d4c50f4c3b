export { type AimLine, type AimLineInput, aimLine } from "./aim-line";
export { BASELINE_SCORE_COUNT, baseline } from "./baseline";
export { addDays, type CalendarDate, daysBetween, weeksBetween } from "./calendar-date";
export {
  type Decision,
  type DecisionRuleInput,
  type DecisionRuleName,
  decisionRule,
  MINIMUM_SCORES_FOR_DECISION,
  type Verdict,
} from "./decision-rule";
export { formatNumber, formatPercent, RATE_DECIMALS, roundRate, roundTo } from "./format";
export { FOUR_POINT_WINDOW, type FourPointOutcome, fourPointRule } from "./four-point-rule";
export {
  atOrBetterPhrase,
  directionNote,
  MEASURE_DIRECTIONS,
  type MeasureDirection,
  meetsOrBeats,
  type Standing,
  sideOnChart,
  standingAgainst,
} from "./measure-direction";
export {
  MINIMUM_SCORES_FOR_PROBABILITY,
  type Projection,
  type ProjectionInput,
  projectedEndScore,
} from "./projection";
export { latestScore, type ScorePoint, sortByDate } from "./score";
export {
  type LinearFit,
  mean,
  median,
  nearlyEqual,
  normalCdf,
  ordinaryLeastSquares,
  type Point,
  predictionStandardError,
  sum,
} from "./statistics";
export { MINIMUM_SCORES_FOR_TREND, type TrendLine, trendLine } from "./trend-line";
