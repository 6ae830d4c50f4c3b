import { eq, inArray } from "drizzle-orm";
import type { ThrottleRecord } from "@/lib/domain/security/sign-in-throttle";
import type { Database } from "../client";
import { signInFailures } from "../schema";

/**
 * Sign-in failures are counted before anyone is known, so outside any district: the table has
 * no tenant and holds only keyed hashes of the address or the client, never the address itself.
 */
export async function throttleRecords(
  db: Database,
  keys: readonly string[],
): Promise<Map<string, ThrottleRecord>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .select()
    .from(signInFailures)
    .where(inArray(signInFailures.key, [...keys]));
  return new Map(rows.map((r) => [r.key, r]));
}

/**
 * Applies `next` to a key's record under a row lock, so two failures at the same moment both
 * count: the row is created empty if missing, locked, read, and written back in one transaction.
 */
export async function updateThrottleRecord(
  db: Database,
  key: string,
  next: (current: ThrottleRecord | null) => ThrottleRecord,
): Promise<ThrottleRecord> {
  return db.transaction(async (tx) => {
    await tx
      .insert(signInFailures)
      .values({ key, failures: 0, lastFailureAt: new Date(0), lockedUntil: null })
      .onConflictDoNothing();
    const [row] = await tx
      .select()
      .from(signInFailures)
      .where(eq(signInFailures.key, key))
      .for("update");
    const updated = next(row && row.failures > 0 ? row : null);
    await tx
      .update(signInFailures)
      .set({
        failures: updated.failures,
        lastFailureAt: updated.lastFailureAt,
        lockedUntil: updated.lockedUntil,
      })
      .where(eq(signInFailures.key, key));
    return updated;
  });
}

export async function forgetThrottleRecord(db: Database, key: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.key, key));
}
