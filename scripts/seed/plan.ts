/**
 * The demo districts as plain rows, built in memory from a seeded random stream so that the
 * same date and scale always give the same people, rosters and scores. Interventions are kept
 * as use-case inputs: they are created through `createIntervention`, like a specialist would.
 *
 * Each district is built by its own module (maple-grove.ts, cedar-ridge.ts) with a
 * DistrictBuilder (district-builder.ts) that draws every id and name from the district's
 * stream, in order: a change that adds, removes or reorders draws changes the demo data.
 */

export { planCedarRidge } from "./cedar-ridge";
export type { DistrictPlan, Scale } from "./district-plan";
export type { GroupHistory, GroupPlan, StudentProgress } from "./group-plan";
export { planMapleGrove } from "./maple-grove";
