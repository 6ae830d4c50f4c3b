import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { staffWithoutAccount } from "@/db/queries/account-candidates";
import { actorById } from "@/db/queries/users";
import { apiTokens, auditLog } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { now } from "@/lib/clock";
import { ForbiddenError, UnauthenticatedError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { DEMO_ACCOUNTS, loadDemoActor } from "@/scripts/seed/accounts";
import { contextOf } from "@/test/support/context";
import { changeAccountAccess } from "../users/change-account-access";
import { giveAccount } from "../users/give-account";
import { authenticateToken, isTokenActor } from "./authenticate-token";
import { createApiToken } from "./create-api-token";
import { listApiTokens } from "./list-api-tokens";
import { revokeApiToken } from "./revoke-api-token";

let app: DatabaseHandle;
let admin: Actor;
let specialist: Actor;
let cedarAdmin: Actor;

beforeAll(async () => {
  app = connect(inject("appUrl"), { max: 3 });
  admin = await loadDemoActor(app.db, DEMO_ACCOUNTS.admin);
  specialist = await loadDemoActor(app.db, DEMO_ACCOUNTS.specialist);
  cedarAdmin = await loadDemoActor(app.db, DEMO_ACCOUNTS.cedarAdmin);
});

afterAll(async () => {
  await app.close();
});

describe("API tokens", () => {
  it("are created by district admins only, stored hashed, and shown once", async () => {
    await expect(
      createApiToken(contextOf(app.db, specialist), { name: "nope", role: "admin" }),
    ).rejects.toThrow(ForbiddenError);
    const created = await createApiToken(contextOf(app.db, admin), {
      name: "SIS sync",
      role: "specialist",
    });
    expect(created.token).toMatch(/^nst_[A-Za-z0-9_-]{43}$/);
    const [stored] = await withTenant(app.db, admin, (tx) =>
      tx.select().from(apiTokens).where(eq(apiTokens.id, created.id)),
    );
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(created.token);
    const audit = await withTenant(app.db, admin, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, "api_token.created"))),
    );
    expect(JSON.stringify(audit)).not.toContain(created.token);
  });

  it("authenticate as their district and role, in the name of their creator, and record use", async () => {
    const created = await createApiToken(contextOf(app.db, admin), {
      name: "Reports",
      role: "admin",
    });
    const when = now();
    const actor = await authenticateToken(app.db, `Bearer ${created.token}`, when);
    expect(actor).toMatchObject({
      tenantId: admin.tenantId,
      role: "admin",
      userId: admin.userId,
      staffId: null,
      apiToken: { id: created.id, name: "Reports" },
    });
    expect(isTokenActor(actor)).toBe(true);
    const listed = (await listApiTokens(contextOf(app.db, admin))).find((t) => t.id === created.id);
    expect(listed?.lastUsedAt?.getTime()).toBe(when.getTime());
    expect(listed?.createdByName).toBe(admin.name);
  });

  it("stop working once revoked, and cannot be revoked from another district", async () => {
    const created = await createApiToken(contextOf(app.db, admin), {
      name: "Old script",
      role: "specialist",
    });
    await expect(revokeApiToken(contextOf(app.db, cedarAdmin), created.id)).rejects.toThrow(
      /No live API token/,
    );
    await authenticateToken(app.db, `Bearer ${created.token}`, now());
    await revokeApiToken(contextOf(app.db, admin), created.id);
    await expect(authenticateToken(app.db, `Bearer ${created.token}`, now())).rejects.toThrow(
      UnauthenticatedError,
    );
  });

  it("stop working once their creator is no longer an active district admin", async () => {
    // A second admin of Maple Grove, so the demo admin the other tests use stays as it is.
    const [person] = await withTenant(app.db, admin, (tx) =>
      staffWithoutAccount(tx, admin.tenantId, "", 1),
    );
    if (!person) throw new Error("The demo district has staff without accounts");
    const given = await giveAccount(contextOf(app.db, admin), {
      staffId: person.staffId,
      role: "admin",
    });
    const second = await withTenant(app.db, admin, (tx) =>
      actorById(tx, admin.tenantId, given.userId),
    );
    if (!second) throw new Error("The new admin's account was not created");
    const created = await createApiToken(contextOf(app.db, second), {
      name: "Left with the admin",
      role: "specialist",
    });
    const bearer = `Bearer ${created.token}`;
    await expect(authenticateToken(app.db, bearer, now())).resolves.toMatchObject({
      userId: second.userId,
    });

    await changeAccountAccess(contextOf(app.db, admin), {
      userId: second.userId,
      role: "teacher",
      active: true,
    });
    await expect(authenticateToken(app.db, bearer, now())).rejects.toThrow(
      /no longer an active district admin/,
    );
    await changeAccountAccess(contextOf(app.db, admin), {
      userId: second.userId,
      role: "admin",
      active: false,
    });
    await expect(authenticateToken(app.db, bearer, now())).rejects.toThrow(UnauthenticatedError);
    // Given back, the admin's token works again: it was never revoked, only its creator's right.
    await changeAccountAccess(contextOf(app.db, admin), {
      userId: second.userId,
      role: "admin",
      active: true,
    });
    await expect(authenticateToken(app.db, bearer, now())).resolves.toMatchObject({
      apiToken: { id: created.id },
    });
  });

  it("work until the day they expire, by the app's clock, and not from then on", async () => {
    const made = now();
    const created = await createApiToken(contextOf(app.db, admin), {
      name: "Ten days",
      role: "specialist",
      expiresInDays: 10,
    });
    const day = 86_400_000;
    const ends = new Date(made.getTime() + 10 * day);
    const bearer = `Bearer ${created.token}`;
    const listed = (await listApiTokens(contextOf(app.db, admin))).find((t) => t.id === created.id);
    expect(listed?.expiresAt.getTime()).toBe(ends.getTime());
    await expect(
      authenticateToken(app.db, bearer, new Date(ends.getTime() - day)),
    ).resolves.toMatchObject({ apiToken: { id: created.id } });
    await expect(authenticateToken(app.db, bearer, ends)).rejects.toThrow(/expired/);
    await expect(authenticateToken(app.db, bearer, new Date(ends.getTime() + day))).rejects.toThrow(
      UnauthenticatedError,
    );
  });

  it("live 90 days unless told otherwise", async () => {
    const made = now();
    const created = await createApiToken(contextOf(app.db, admin), {
      name: "Default lifetime",
      role: "specialist",
    });
    expect(created.expiresAt.getTime()).toBe(made.getTime() + 90 * 86_400_000);
  });

  it("refuse unknown and malformed credentials", async () => {
    await expect(authenticateToken(app.db, "Bearer nst_not-a-token", now())).rejects.toThrow(
      UnauthenticatedError,
    );
    await expect(authenticateToken(app.db, "Basic dXNlcjpwYXNz", now())).rejects.toThrow(
      UnauthenticatedError,
    );
  });

  it("are listed per district only", async () => {
    const mine = await createApiToken(contextOf(app.db, admin), {
      name: "Only Maple Grove",
      role: "specialist",
    });
    const theirs = await listApiTokens(contextOf(app.db, cedarAdmin));
    expect(theirs.some((t) => t.id === mine.id)).toBe(false);
  });
});
