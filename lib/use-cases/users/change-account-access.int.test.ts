import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { actorById, findSignInAccount } from "@/db/queries/users";
import { auditLog, users } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { nowMs } from "@/lib/clock";
import { ForbiddenError, NotFoundError, UnprocessableError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { DEMO_ACCOUNTS, loadDemoActor } from "@/scripts/seed/accounts";
import { contextOf } from "@/test/support/context";
import { changeAccountAccess } from "./change-account-access";
import { listAccounts } from "./list-accounts";

let app: DatabaseHandle;
let admin: Actor;
let facilitator: Actor;
let parent: Actor;
let cedarAdmin: Actor;

/** What the next request of this person would load (lib/server/actor.ts). */
const nextRequestActor = (who: Actor) =>
  withTenant(app.db, who, (tx) => actorById(tx, who.tenantId, who.userId));

beforeAll(async () => {
  app = connect(inject("appUrl"), { max: 3 });
  admin = await loadDemoActor(app.db, DEMO_ACCOUNTS.admin);
  facilitator = await loadDemoActor(app.db, DEMO_ACCOUNTS.facilitator);
  parent = await loadDemoActor(app.db, DEMO_ACCOUNTS.parent);
  cedarAdmin = await loadDemoActor(app.db, DEMO_ACCOUNTS.cedarAdmin);
});

afterAll(async () => {
  // Leave the demo facilitator as the seed made it, for the test files after this one.
  await changeAccountAccess(contextOf(app.db, admin), {
    userId: facilitator.userId,
    role: "facilitator",
    active: true,
  });
  await app.close();
});

describe("a district admin changing an account's access", () => {
  it("switches an account off from its next request on, and back on", async () => {
    const off = await changeAccountAccess(contextOf(app.db, admin), {
      userId: facilitator.userId,
      role: "facilitator",
      active: false,
    });
    expect(off.changed).toBe(true);
    expect(await nextRequestActor(facilitator)).toBeNull();
    expect((await findSignInAccount(app.db, DEMO_ACCOUNTS.facilitator))?.active).toBe(false);

    await changeAccountAccess(contextOf(app.db, admin), {
      userId: facilitator.userId,
      role: "facilitator",
      active: true,
    });
    expect((await nextRequestActor(facilitator))?.role).toBe("facilitator");
  });

  it("ends the sessions open when the account was switched off, even once it is back on", async () => {
    // Times are explicit: the switch-off comes after any earlier test's, on the pinned clock.
    const at = (minutesFromNow: number) => new Date(nowMs() + minutesFromNow * 60_000);
    const ctx = { ...contextOf(app.db, admin), now: () => at(60) };
    const sessionOf = (signedInAt: Date) =>
      withTenant(app.db, facilitator, (tx) =>
        actorById(tx, facilitator.tenantId, facilitator.userId, { sessionSignedInAt: signedInAt }),
      );
    const openBefore = at(30);
    expect(await sessionOf(openBefore)).not.toBeNull();

    await changeAccountAccess(ctx, {
      userId: facilitator.userId,
      role: "facilitator",
      active: false,
    });
    await changeAccountAccess(ctx, {
      userId: facilitator.userId,
      role: "facilitator",
      active: true,
    });
    expect(await sessionOf(openBefore)).toBeNull();
    expect(await sessionOf(at(61))).not.toBeNull();
  });

  it("gives a new role at once and records who changed what in the audit trail", async () => {
    const ctx = contextOf(app.db, admin);
    await changeAccountAccess(ctx, {
      userId: facilitator.userId,
      role: "specialist",
      active: true,
    });
    expect((await nextRequestActor(facilitator))?.role).toBe("specialist");

    const [row] = await withTenant(app.db, admin, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(
          and(eq(auditLog.requestId, ctx.requestId), eq(auditLog.action, "user.access-changed")),
        ),
    );
    expect(row).toMatchObject({
      actorUserId: admin.userId,
      entityId: facilitator.userId,
      before: { role: "facilitator", active: true },
      after: { role: "specialist", active: true },
    });
  });

  it("refuses what would break an account or lock the admin out, and writes nothing", async () => {
    const ctx = contextOf(app.db, admin);
    await expect(
      changeAccountAccess(ctx, { userId: parent.userId, role: "teacher", active: true }),
    ).rejects.toThrow(UnprocessableError);
    await expect(
      changeAccountAccess(ctx, { userId: admin.userId, role: "admin", active: false }),
    ).rejects.toThrow("You cannot deactivate your own account.");
    const [parentRow] = await withTenant(app.db, admin, (tx) =>
      tx.select({ role: users.role }).from(users).where(eq(users.id, parent.userId)),
    );
    expect(parentRow?.role).toBe("parent");
    expect((await nextRequestActor(admin))?.role).toBe("admin");
  });

  it("is for district admins of the account's own district only", async () => {
    await expect(
      changeAccountAccess(contextOf(app.db, facilitator), {
        userId: parent.userId,
        role: "parent",
        active: false,
      }),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      changeAccountAccess(contextOf(app.db, cedarAdmin), {
        userId: facilitator.userId,
        role: "facilitator",
        active: false,
      }),
    ).rejects.toThrow(NotFoundError);
    expect(await nextRequestActor(facilitator)).not.toBeNull();
  });
});

describe("the account list", () => {
  it("shows the district's accounts with the roles each may take, and finds them by name or e-mail", async () => {
    const all = await listAccounts(contextOf(app.db, admin), {});
    const emails = all.accounts.map((a) => a.email);
    expect(emails).toContain(DEMO_ACCOUNTS.teacher);
    expect(emails).not.toContain(DEMO_ACCOUNTS.cedarAdmin);
    expect(all.accounts.find((a) => a.email === DEMO_ACCOUNTS.parent)?.roles).toEqual(["parent"]);
    expect(all.accounts.find((a) => a.email === DEMO_ACCOUNTS.admin)?.isSelf).toBe(true);

    const found = await listAccounts(contextOf(app.db, admin), { q: "wilson parent" });
    expect(found.accounts.map((a) => a.email)).toEqual([DEMO_ACCOUNTS.parent]);
    const parents = await listAccounts(contextOf(app.db, admin), { role: "parent" });
    expect(parents.accounts.every((a) => a.role === "parent")).toBe(true);
    await expect(listAccounts(contextOf(app.db, parent), {})).rejects.toThrow(ForbiddenError);
  });
});
