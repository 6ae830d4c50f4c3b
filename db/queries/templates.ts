import { and, asc, eq, isNull, or, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { interventionTemplates } from "../schema";
import { returnedRow } from "./returned-row";

/** Intervention templates (Scenario 10): the reads and writes of lib/use-cases/templates. */

export type StoredTemplate = typeof interventionTemplates.$inferSelect;

/**
 * The templates a person may start a group from: the district's (no owner) and their own
 * personal ones; district first, then by name.
 */
export async function usableTemplates(
  tx: Tx,
  tenantId: string,
  userId: string,
): Promise<StoredTemplate[]> {
  const t = interventionTemplates;
  return tx
    .select()
    .from(t)
    .where(and(eq(t.tenantId, tenantId), or(isNull(t.ownerUserId), eq(t.ownerUserId, userId))))
    .orderBy(sql`${t.ownerUserId} is not null`, asc(t.name), asc(t.id));
}

/** One template of the district, whoever owns it (the use-case decides who may see it). */
export async function findTemplate(
  tx: Tx,
  tenantId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<StoredTemplate | null> {
  const t = interventionTemplates;
  const query = tx
    .select()
    .from(t)
    .where(and(eq(t.tenantId, tenantId), eq(t.id, id)));
  const [row] = options.lock ? await query.for("update") : await query;
  return row ?? null;
}

export async function insertTemplate(
  tx: Tx,
  template: typeof interventionTemplates.$inferInsert,
): Promise<StoredTemplate> {
  return returnedRow(await tx.insert(interventionTemplates).values(template).returning());
}

/** Applies the changes and bumps the version, only if nobody did since `expectedVersion`. */
export async function updateTemplateRow(
  tx: Tx,
  tenantId: string,
  id: string,
  expectedVersion: number,
  changes: Partial<StoredTemplate>,
  now: Date,
): Promise<StoredTemplate | null> {
  const t = interventionTemplates;
  const [row] = await tx
    .update(t)
    .set({ ...changes, version: expectedVersion + 1, updatedAt: now })
    .where(and(eq(t.tenantId, tenantId), eq(t.id, id), eq(t.version, expectedVersion)))
    .returning();
  return row ?? null;
}
