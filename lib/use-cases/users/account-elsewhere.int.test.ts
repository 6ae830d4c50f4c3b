import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { staffWithoutAccount } from "@/db/queries/account-candidates";
import { findSignInAccount } from "@/db/queries/users";
import { auditLog, communications, staff, users } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { UnprocessableError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { DEMO_ACCOUNTS, loadDemoActor } from "@/scripts/seed/accounts";
import { contextOf } from "@/test/support/context";
import { giveAccount, offerAccount } from "./give-account";

let app: DatabaseHandle;
let admin: Actor;
let cedarAdmin: Actor;

/**
 * Runs `body` with a staff member of `actor`'s district without an account listed in the roster
 * under `email`; the roster's own address is put back after, since other files of the suite pick
 * the same person from the same database.
 */
async function withRosterPerson(
  actor: Actor,
  email: string,
  body: (person: { staffId: string; name: string }) => Promise<void>,
) {
  const setEmail = (staffId: string, value: string | null) =>
    withTenant(app.db, actor, (tx) =>
      tx
        .update(staff)
        .set({ email: value })
        .where(and(eq(staff.tenantId, actor.tenantId), eq(staff.id, staffId))),
    );
  const [person] = await withTenant(app.db, actor, (tx) =>
    staffWithoutAccount(tx, actor.tenantId, "", 1),
  );
  if (!person) throw new Error("The demo district has staff without accounts");
  await setEmail(person.staffId, email);
  try {
    await body(person);
  } finally {
    await setEmail(person.staffId, person.email);
  }
}

const count = async (actor: Actor, table: typeof users | typeof communications, email: string) =>
  withTenant(app.db, actor, async (tx) => {
    const column = table === users ? users.email : communications.toAddress;
    const [row] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(table)
      .where(sql`lower(${column}) = lower(${email})`);
    return row?.n ?? 0;
  });

beforeAll(async () => {
  app = connect(inject("appUrl"), { max: 3 });
  admin = await loadDemoActor(app.db, DEMO_ACCOUNTS.admin);
  cedarAdmin = await loadDemoActor(app.db, DEMO_ACCOUNTS.cedarAdmin);
});

afterAll(() => app.close());

describe("an address that already signs in elsewhere", () => {
  it("gets the answer of a new account, with nothing made and no link sent for the other district", async () => {
    // Maple Grove's admin signs in with this address; Cedar Ridge's roster now lists it too.
    const email = admin.email;
    await withRosterPerson(cedarAdmin, email.toUpperCase(), async (person) => {
      const sentBefore = await count(cedarAdmin, communications, email);
      const mapleMailBefore = await count(admin, communications, email);

      const answer = await offerAccount(contextOf(app.db, cedarAdmin), {
        staffId: person.staffId,
        role: "teacher",
      });
      expect(answer).toEqual({ name: person.name, email: email.toUpperCase() });

      expect(await count(cedarAdmin, users, email)).toBe(0);
      expect(await count(cedarAdmin, communications, email)).toBe(sentBefore);
      expect(await count(admin, communications, email)).toBe(mapleMailBefore);
      expect((await findSignInAccount(app.db, email))?.tenantId).toBe(admin.tenantId);
      const audit = await withTenant(app.db, cedarAdmin, (tx) =>
        tx.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, "user.created")),
      );
      const again = await offerAccount(contextOf(app.db, cedarAdmin), {
        staffId: person.staffId,
        role: "teacher",
      });
      expect(again).toEqual(answer);
      const auditAfter = await withTenant(app.db, cedarAdmin, (tx) =>
        tx.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, "user.created")),
      );
      expect(auditAfter).toHaveLength(audit.length);
    });
  });

  it("is named as taken only within the admin's own district", async () => {
    await withRosterPerson(admin, DEMO_ACCOUNTS.specialist, async (person) => {
      const refusal = await offerAccount(contextOf(app.db, admin), {
        staffId: person.staffId,
        role: "teacher",
      }).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(UnprocessableError);
      expect((refusal as Error).message).toBe("This e-mail address already has an account here.");
    });
  });

  it("a new account has no password until its first link is used: it cannot sign in before", async () => {
    const people = await withTenant(app.db, admin, (tx) =>
      staffWithoutAccount(tx, admin.tenantId, "", 10),
    );
    const free = await Promise.all(
      people.map(async (p) => (p.email && !(await findSignInAccount(app.db, p.email)) ? p : null)),
    );
    const person = free.find((p) => p !== null);
    if (!person?.email) throw new Error("The demo district has staff without accounts");
    await giveAccount(contextOf(app.db, admin), { staffId: person.staffId, role: "teacher" });
    // Sign-in checks the password against this hash (lib/server/auth.ts): none, none matches.
    expect(await findSignInAccount(app.db, person.email)).toMatchObject({
      tenantId: admin.tenantId,
      passwordHash: null,
    });
  });
});
