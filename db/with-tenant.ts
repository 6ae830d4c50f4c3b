import { sql } from "drizzle-orm";
import type { Database, Tx } from "./client";

/** Who the transaction runs for: the district whose rows it may see, and the user for audit. */
export interface TenantScope {
  tenantId: string;
  userId?: string | null;
}

/**
 * The only way to reach tenant data: one transaction in which `app.current_tenant` is set
 * (parameterized, transaction-local), so the RLS policies let through this district's rows
 * and nothing else. Everything `fn` writes commits together or not at all.
 */
export async function withTenant<T>(
  db: Database,
  scope: TenantScope,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('app.current_tenant', ${scope.tenantId}, true),
                 set_config('app.current_user_id', ${scope.userId ?? ""}, true)`,
    );
    return fn(tx);
  });
}
