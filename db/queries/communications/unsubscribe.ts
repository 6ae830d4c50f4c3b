import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "../../client";
import { districts, guardians } from "../../schema";

/** A guardian's one-click stop of optional mail (RFC 8058) through a signed link. */

/** Whom an unsubscribe link is for: the guardian's language and whether they already stopped. */
export async function unsubscribeSubject(tx: Tx, tenantId: string, guardianId: string) {
  const [row] = await tx
    .select({
      guardianId: guardians.id,
      language: guardians.language,
      optionalMailStoppedAt: guardians.optionalMailStoppedAt,
      districtName: districts.name,
      districtTimeZone: districts.timeZone,
    })
    .from(guardians)
    .innerJoin(districts, eq(districts.id, guardians.tenantId))
    .where(and(eq(guardians.tenantId, tenantId), eq(guardians.id, guardianId)));
  return row ?? null;
}

/**
 * Stops optional mail once: only a guardian who had not stopped it is changed, so a second
 * click (or a mail program's POST beside the family's own) changes nothing and returns null.
 */
export async function stopOptionalMailOf(
  tx: Tx,
  tenantId: string,
  guardianId: string,
  at: Date,
): Promise<{ stoppedAt: Date } | null> {
  const [row] = await tx
    .update(guardians)
    .set({ optionalMailStoppedAt: at })
    .where(
      and(
        eq(guardians.tenantId, tenantId),
        eq(guardians.id, guardianId),
        isNull(guardians.optionalMailStoppedAt),
      ),
    )
    .returning({ stoppedAt: guardians.optionalMailStoppedAt });
  return row?.stoppedAt ? { stoppedAt: row.stoppedAt } : null;
}
