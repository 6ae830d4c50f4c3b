import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { connect } from "@/db/client";
import { provisionDatabase } from "@/db/provision";
import { withTenant } from "@/db/with-tenant";
import { upsertBySourceId } from "@/db/queries/imports";
import { guardians } from "@/db/schema";
import { createTestDistrict } from "@/test/fixtures/oneroster/district";
const db = await provisionDatabase({ dataDir: ".data/test-h3", embeddedPort: 54355, database: "h3bench" });
const app = connect(db.appUrl, { max: 2 });
const { tenantId, admin } = await createTestDistrict(db.ownerUrl, app.db, "One");
const rows = (k: number) => Array.from({ length: 1000 }, (_, i) => ({ tenantId, firstName: "A", lastName: `B${i}`, email: `x${i}@e.x`, phone: null, language: "en", sourceId: `g-${k}-${i}` }));
await withTenant(app.db, admin, async (tx) => {
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    await upsertBySourceId(tx, guardians, rows(k), ["firstName", "lastName", "email", "phone", "language"]);
    const t2 = performance.now();
    await tx.insert(guardians).values(rows(k + 100));
    const t3 = performance.now();
    const r = rows(k + 200);
    await tx.execute(sql`insert into intervention.guardians (tenant_id, first_name, last_name, email, language, source_id)
      select * from unnest(${sql.param(r.map((x) => x.tenantId))}::uuid[], ${sql.param(r.map((x) => x.firstName))}::text[], ${sql.param(r.map((x) => x.lastName))}::text[], ${sql.param(r.map((x) => x.email))}::text[], ${sql.param(r.map((x) => x.language))}::text[], ${sql.param(r.map((x) => x.sourceId))}::text[])`);
    const t4 = performance.now();
    console.log("upsert", (t2 - t).toFixed(0), "plain", (t3 - t2).toFixed(0), "unnest", (t4 - t3).toFixed(0));
  }
});
await app.close(); await db.stop();
