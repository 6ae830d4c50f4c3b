import { z } from "../zod";
import { COST_MODELS, type CostModel, RESOURCE_KINDS } from "./kinds";

/** The catalogue's input (Scenario 9): one schema for the admin form, the action and the API. */

const MAX_CENTS = 2_000_000_000;
const cents = (what: string) =>
  z
    .number({ error: `Enter ${what} in cents, a whole number.` })
    .int(`Enter ${what} in whole cents.`)
    .min(0, "Cannot be negative.")
    .max(MAX_CENTS, "Too large.");

const resourceFields = {
  kind: z.enum(RESOURCE_KINDS),
  name: z.string().trim().min(1, "Name the resource.").max(200, "Use at most 200 characters."),
  description: z.string().trim().max(2000, "Use at most 2000 characters.").nullish(),
  quantity: z
    .number()
    .int("Enter a whole number.")
    .min(1, "At least 1.")
    .max(10_000, "At most 10,000."),
  location: z.string().trim().max(200, "Use at most 200 characters.").nullish(),
  schoolId: z.uuid("Pick a school from the list.").nullish(),
  costModel: z.enum(COST_MODELS),
  purchaseCents: cents("the purchase price").nullish(),
  usefulLifeYears: z
    .number()
    .int("Enter whole years.")
    .min(1, "At least 1 year.")
    .max(50, "At most 50 years.")
    .nullish(),
  licenceCentsPerStudentYear: cents("the licence price").nullish(),
  perUseCents: cents("the price per use").nullish(),
};

/** The cost fields each model needs; the others are cleared when saved. */
export const COST_FIELDS: Record<CostModel, readonly CostField[]> = {
  purchase: ["purchaseCents", "usefulLifeYears"],
  licence: ["licenceCentsPerStudentYear"],
  consumable: ["perUseCents"],
  none: [],
};
export type CostField =
  | "purchaseCents"
  | "usefulLifeYears"
  | "licenceCentsPerStudentYear"
  | "perUseCents";
const ALL_COST_FIELDS: readonly CostField[] = [
  "purchaseCents",
  "usefulLifeYears",
  "licenceCentsPerStudentYear",
  "perUseCents",
];

const REQUIRED_MESSAGE: Record<CostField, string> = {
  purchaseCents: "A purchased resource needs its price.",
  usefulLifeYears: "A purchased resource needs its useful life in years.",
  licenceCentsPerStudentYear: "A licence needs its price per student per year.",
  perUseCents: "A consumable needs its price per use.",
};

export const createResourceSchema = z
  .object({
    ...resourceFields,
    quantity: resourceFields.quantity.default(1),
    costModel: resourceFields.costModel.default("none"),
  })
  .superRefine((value, ctx) => {
    for (const field of COST_FIELDS[value.costModel]) {
      if (value[field] === null || value[field] === undefined)
        ctx.addIssue({ code: "custom", path: [field], message: REQUIRED_MESSAGE[field] });
    }
  });
export type CreateResourceInput = z.output<typeof createResourceSchema>;

/** An edit: the fields sent are replaced, the rest kept; the result must still be complete. */
export const updateResourceSchema = z.object({
  kind: resourceFields.kind.optional(),
  name: resourceFields.name.optional(),
  description: resourceFields.description,
  quantity: resourceFields.quantity.optional(),
  location: resourceFields.location,
  schoolId: resourceFields.schoolId,
  costModel: resourceFields.costModel.optional(),
  purchaseCents: resourceFields.purchaseCents,
  usefulLifeYears: resourceFields.usefulLifeYears,
  licenceCentsPerStudentYear: resourceFields.licenceCentsPerStudentYear,
  perUseCents: resourceFields.perUseCents,
});
export type UpdateResourceInput = z.output<typeof updateResourceSchema>;

/** The API's list filter: retired resources only when asked for. */
export const listResourcesQuerySchema = z.object({
  includeRetired: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
});

/**
 * What is stored: only the chosen model's cost fields are kept (a licence price left over from
 * an earlier model would otherwise be read as a cost).
 */
export function withCostFieldsOfModel<T extends CreateResourceInput>(input: T): T {
  const kept = new Set(COST_FIELDS[input.costModel]);
  const result = { ...input };
  for (const field of ALL_COST_FIELDS) if (!kept.has(field)) result[field] = null;
  return result;
}
