/**
 * The screening guard lives with the other access checks in lib/use-cases/access. This
 * re-export serves lib/use-cases/imports/import-assessment-results.ts, which imports it from here.
 */
export { assertWorksWithScreening } from "../access";
