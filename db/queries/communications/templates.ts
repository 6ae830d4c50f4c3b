import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../../client";
import { messageTemplates } from "../../schema";
import { returnedRow } from "../returned-row";

/** A district's own wording of its letters: one template per kind and language, versioned. */

export async function templatesOfKind(tx: Tx, tenantId: string, kind: string) {
  return tx
    .select()
    .from(messageTemplates)
    .where(and(eq(messageTemplates.tenantId, tenantId), eq(messageTemplates.kind, kind)));
}

/** Every template the district wrote, of every kind and language. */
export async function districtTemplates(tx: Tx, tenantId: string) {
  return tx
    .select()
    .from(messageTemplates)
    .where(eq(messageTemplates.tenantId, tenantId))
    .orderBy(messageTemplates.language, messageTemplates.kind);
}

/** Saves a district's template for a kind and language; each save is a new version. */
export async function saveTemplate(
  tx: Tx,
  tenantId: string,
  values: {
    kind: string;
    language: string;
    subject: string;
    body: string;
    updatedBy: string;
    updatedAt: Date;
  },
) {
  const rows = await tx
    .insert(messageTemplates)
    .values({ tenantId, ...values, version: 1 })
    .onConflictDoUpdate({
      target: [messageTemplates.tenantId, messageTemplates.kind, messageTemplates.language],
      set: {
        subject: values.subject,
        body: values.body,
        updatedBy: values.updatedBy,
        updatedAt: values.updatedAt,
        version: sql`${messageTemplates.version} + 1`,
      },
    })
    .returning();
  return returnedRow(rows, "Upsert");
}
