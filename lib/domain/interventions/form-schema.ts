import type { z } from "../zod";
import { createInterventionSchema } from "./schemas";

/**
 * The planning form (create and edit, issue 10) checks its fields with the create schema: the
 * plan, its schedule, people, room and resources with their quantities. The reason to save over
 * conflicts is not a field of the form; the form adds it when the district allows one.
 */
export const interventionFormSchema = createInterventionSchema;

export type InterventionFormValues = z.input<typeof interventionFormSchema>;
export type InterventionFormInput = z.output<typeof interventionFormSchema>;

/** The fields an edit may change (`PUT /interventions/{id}`): the tier and roster have their own ways. */
const EDITABLE = [
  "name",
  "focusArea",
  "goal",
  "description",
  "startDate",
  "durationWeeks",
  "schedule",
  "facilitatorIds",
  "roomId",
  "resources",
] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Facilitators and resources are sets: their order is no change. */
function comparable(key: (typeof EDITABLE)[number], value: unknown): unknown {
  if (key === "facilitatorIds" && Array.isArray(value)) return [...value].sort();
  if (key === "resources" && Array.isArray(value))
    return [...(value as { resourceId: string; quantity: number }[])]
      .map((row) => ({ resourceId: row.resourceId, quantity: row.quantity }))
      .sort((a, b) => a.resourceId.localeCompare(b.resourceId));
  if (typeof value === "string") return value.trim();
  return value;
}

/**
 * The body of an edit: only the fields that differ from the group as it was read, with the
 * version read (the server refuses a stale one) and the reason to save over conflicts, if any.
 * The schedule goes whole when any part of it changed.
 */
export function interventionUpdateBody(
  before: InterventionFormInput,
  after: InterventionFormInput,
  version: number,
  overrideReason?: string | null,
): Record<string, unknown> {
  const body: Record<string, unknown> = { version };
  for (const key of EDITABLE) {
    if (!same(comparable(key, before[key]), comparable(key, after[key]))) body[key] = after[key];
  }
  const reason = overrideReason?.trim();
  if (reason) body.override = { reason };
  return body;
}
