import { sql } from "drizzle-orm";
import type { Database, Tx } from "./client";

/** Who the transaction runs for: the district whose rows it may see, and the user for audit. */
export interface TenantScope {
  tenantId: string;
  userId?: string | null;
}

/**
 * What a request still has to prove before it may touch data: a signed-in person's account
 * is still active, in the role the request was given, and the session was not ended
 * (lib/server/actor.ts). `run` reads inside the transaction and throws when it does not hold.
 */
export interface FirstCheck {
  run: (tx: Tx) => Promise<void>;
  /** Set once a run has passed: the request's later transactions need not repeat it. */
  passed: boolean;
}

const FIRST_CHECK = Symbol("first check");
type CheckedDatabase = Database & { [FIRST_CHECK]?: FirstCheck };

/**
 * The pool as one request sees it: every transaction `withTenant` opens on it starts with
 * `check`, beside the tenant setting, until a run has passed. A use-case holds only this
 * handle (its context's `db`), so no transaction of the request can skip the check.
 */
export function checkedFirst(db: Database, check: FirstCheck): Database {
  const checked: CheckedDatabase = Object.create(db);
  checked[FIRST_CHECK] = check;
  return checked;
}

/**
 * The tenant setting, both values as parameters (never spelled into the SQL). Like every
 * statement it is prepared (decision 0030): described once per connection, then sent in one
 * message, and what follows it in the same tick goes with it.
 */
function tenantSetting(tx: Tx) {
  return tx
    .select({
      tenant: sql`set_config('app.current_tenant', ${sql.placeholder("tenant")}, true)`,
      user: sql`set_config('app.current_user_id', ${sql.placeholder("user")}, true)`,
    })
    .from(sql`(values (1)) as setting`)
    .prepare("tenant_setting");
}

/**
 * The only way to reach tenant data: one transaction in which `app.current_tenant` is set
 * (parameterized, transaction-local), so the RLS policies let through this district's rows
 * and nothing else. Everything `fn` writes commits together or not at all.
 *
 * On a request's handle (`checkedFirst`) the actor's check is sent right behind the setting,
 * in the same round trip: the setting is issued first, so it is in force when the check reads
 * (were the order ever otherwise, RLS would hide the account and the request be refused).
 */
export async function withTenant<T>(
  db: Database,
  scope: TenantScope,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  const check = (db as CheckedDatabase)[FIRST_CHECK];
  return db.transaction(async (tx) => {
    const setting = tenantSetting(tx).execute({
      tenant: scope.tenantId,
      user: scope.userId ?? "",
    });
    if (check && !check.passed) {
      await Promise.all([setting, check.run(tx)]);
      check.passed = true;
    } else {
      await setting;
    }
    return fn(tx);
  });
}
