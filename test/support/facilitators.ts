import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import { staff } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";

/**
 * A staff member made for one test, with no groups and no recorded hours. The database refuses
 * to book one person into two sessions at once (drizzle/0010_scheduling.sql), and the test files
 * share one seeded database: a test whose subject is not scheduling plans its group with a
 * facilitator of its own, so it never meets the seeded groups' or another test's bookings.
 */
export async function newFacilitator(db: Database, tenantId: string): Promise<string> {
  const suffix = randomUUID().slice(0, 8);
  const [row] = await withTenant(db, { tenantId }, (tx) =>
    tx
      .insert(staff)
      .values({
        tenantId,
        firstName: "Test",
        lastName: `Facilitator ${suffix}`,
        displayName: `Mx. Facilitator ${suffix}`,
        email: `facilitator-${suffix}@tests.example`,
      })
      .returning({ id: staff.id }),
  );
  if (!row) throw new Error("The test facilitator was not written");
  return row.id;
}
