import { z } from "../zod";

/**
 * The MTSS tiers: 1 is core instruction for everyone, 2 targeted small groups, 3 intensive
 * support. Every schema that takes or returns a tier, and the database's check on
 * `interventions.tier_level` (db/schema/interventions.ts), read the range from here.
 */
export const TIERS = [1, 2, 3] as const;
export type Tier = (typeof TIERS)[number];

export const LOWEST_TIER: Tier = TIERS[0];
export const HIGHEST_TIER: Tier = TIERS[TIERS.length - 1] as Tier;

/** "Tier is 1, 2 or 3.": the forms' words for a tier out of range. */
const OUT_OF_RANGE = `Tier is ${TIERS.slice(0, -1).join(", ")} or ${HIGHEST_TIER}.`;

/** A tier as JSON carries it: the API's request and response bodies. */
export const tierSchema = z.number().int().min(LOWEST_TIER).max(HIGHEST_TIER);

/** A tier read from text (a query string such as `?tier=2`), with Zod's own messages. */
export const tierFromTextSchema = z.coerce.number().int().min(LOWEST_TIER).max(HIGHEST_TIER);

/** A tier a person picks in a form: text coerced to a number, refused in the form's words. */
export const tierFieldSchema = z.coerce
  .number({ message: "Choose a tier." })
  .int()
  .min(LOWEST_TIER, OUT_OF_RANGE)
  .max(HIGHEST_TIER, OUT_OF_RANGE);
