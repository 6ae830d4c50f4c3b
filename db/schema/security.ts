import * as pg from "drizzle-orm/pg-core";
import { instantColumn, interventionSchema } from "./common";

/**
 * Failed password sign-ins, counted per e-mail address and per client address before anyone is
 * known, so outside any district (no tenant_id, no RLS: the app role reads and writes it).
 * `key` is an HMAC of the address with AUTH_SECRET: the table never holds the address itself.
 * The rule that fills it is lib/domain/security/sign-in-throttle.ts.
 */
export const signInFailures = interventionSchema.table("sign_in_failures", {
  key: pg.varchar("key", { length: 64 }).primaryKey(),
  failures: pg.integer("failures").notNull(),
  lastFailureAt: instantColumn("last_failure_at").notNull(),
  lockedUntil: instantColumn("locked_until"),
});
