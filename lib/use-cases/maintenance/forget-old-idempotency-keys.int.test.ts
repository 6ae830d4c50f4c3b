import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { storeResponse } from "@/db/queries/idempotency";
import { idempotencyKeys } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { now } from "@/lib/clock";
import type { Actor } from "@/lib/domain/policy";
import { DEMO_ACCOUNTS, loadDemoActor } from "@/scripts/seed/accounts";
import { forgetOldIdempotencyKeys } from "./forget-old-idempotency-keys";

let owner: DatabaseHandle;
let specialist: Actor;
const DAY = 86_400_000;

beforeAll(async () => {
  owner = connect(inject("ownerUrl"), { max: 2 });
  specialist = await loadDemoActor(owner.db, DEMO_ACCOUNTS.specialist);
});

afterAll(() => owner.close());

async function stored(key: string, daysAgo: number) {
  await withTenant(owner.db, specialist, (tx) =>
    storeResponse(tx, {
      tenantId: specialist.tenantId,
      scope: "test-housekeeping",
      key,
      requestHash: "0".repeat(64),
      responseStatus: 201,
      responseBody: {},
      createdAt: new Date(now().getTime() - daysAgo * DAY),
      expiredBefore: new Date(0),
    }),
  );
}

const exists = (key: string) =>
  withTenant(owner.db, specialist, async (tx) => {
    const rows = await tx
      .select({ key: idempotencyKeys.key })
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, "test-housekeeping"), eq(idempotencyKeys.key, key)));
    return rows.length > 0;
  });

describe("forgetting old Idempotency-Keys", () => {
  it("deletes stored responses older than a week and keeps the others", async () => {
    const old = randomUUID();
    const recent = randomUUID();
    await stored(old, 8);
    await stored(recent, 6);
    expect(await forgetOldIdempotencyKeys(owner.db, now())).toBeGreaterThanOrEqual(1);
    expect(await exists(old)).toBe(false);
    expect(await exists(recent)).toBe(true);
  });
});
