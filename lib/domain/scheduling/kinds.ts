/** The kinds of time a school protects from pull-out interventions (docs/domain.md, "Scheduling"). */
export const PROTECTED_BLOCK_KINDS = ["core_ela", "core_math", "lunch", "win", "other"] as const;
export type ProtectedBlockKind = (typeof PROTECTED_BLOCK_KINDS)[number];

/** Why a staff member is away. */
export const ABSENCE_KINDS = ["leave", "training", "other"] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];

/** What the district's catalogue holds besides rooms (Scenario 9). */
export const RESOURCE_KINDS = ["curriculum", "material", "equipment"] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/**
 * How a resource costs money: bought once and used for years, licensed per student and year,
 * paid per use (consumables), or free.
 */
export const COST_MODELS = ["purchase", "licence", "consumable", "none"] as const;
export type CostModel = (typeof COST_MODELS)[number];
