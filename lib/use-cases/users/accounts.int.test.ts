import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { guardiansWithoutAccount, staffWithoutAccount } from "@/db/queries/account-candidates";
import { actorById, findSignInAccount } from "@/db/queries/users";
import { communications, users } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { verifyPassword } from "@/lib/auth/passwords";
import { now, nowMs } from "@/lib/clock";
import { ForbiddenError, NotFoundError, UnprocessableError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { DEMO_ACCOUNTS, loadDemoActor } from "@/scripts/seed/accounts";
import { contextOf } from "@/test/support/context";
import type { PublicContext } from "../context";
import { changeAccountAccess } from "./change-account-access";
import { describePasswordLink } from "./describe-password-link";
import { endSession } from "./end-session";
import { giveAccount } from "./give-account";
import { listAccounts } from "./list-accounts";
import { passwordLinkMailText } from "./password-link-at-send";
import { requestPasswordLink } from "./request-password-link";
import { setPasswordFromLink } from "./set-password-from-link";

const SECRET = "accounts-test-secret-0123456789abcdef";
let app: DatabaseHandle;
let admin: Actor;
let teacher: Actor;
let cedarAdmin: Actor;
let previousSecret: string | undefined;

const publicCtx = (at = now()): PublicContext => ({
  db: app.db,
  now: () => at,
  requestId: "password-link-test",
  secret: SECRET,
});

/** The password-link messages sent to `email`, newest first. */
const linksSentTo = (email: string) =>
  withTenant(app.db, admin, (tx) =>
    tx
      .select()
      .from(communications)
      .where(and(eq(communications.toAddress, email), eq(communications.kind, "password-link")))
      .orderBy(desc(communications.createdAt)),
  );

/**
 * The link in the newest message to `email`, as the person would click it: the stored message
 * holds none, so it is read from the text the mail worker e-mails (passwordLinkMailText).
 */
async function linkSentTo(email: string) {
  const [message] = await linksSentTo(email);
  const text = message
    ? await withTenant(app.db, admin, (tx) =>
        passwordLinkMailText(
          tx,
          admin.tenantId,
          { ...message, toAddress: email },
          {
            appUrl: "https://northstar.test",
            signingSecret: SECRET,
          },
        ),
      )
    : null;
  const url = text?.match(/https:\/\/northstar\.test\/set-password\?token=([^&\s]+)/);
  return { message, text, token: url ? decodeURIComponent(url[1] as string) : "" };
}

beforeAll(async () => {
  previousSecret = process.env.AUTH_SECRET;
  process.env.AUTH_SECRET = SECRET;
  process.env.APP_URL = "https://northstar.test";
  app = connect(inject("appUrl"), { max: 3 });
  admin = await loadDemoActor(app.db, DEMO_ACCOUNTS.admin);
  teacher = await loadDemoActor(app.db, DEMO_ACCOUNTS.teacher);
  cedarAdmin = await loadDemoActor(app.db, DEMO_ACCOUNTS.cedarAdmin);
});

afterAll(async () => {
  process.env.AUTH_SECRET = previousSecret;
  delete process.env.APP_URL;
  await app.close();
});

describe("giving a staff member an account", () => {
  it("creates it with the roster's e-mail and the role chosen, and e-mails a password link that works once", async () => {
    const [person] = await withTenant(app.db, admin, (tx) =>
      staffWithoutAccount(tx, admin.tenantId, "", 1),
    );
    if (!person?.email) throw new Error("The demo district has staff without accounts");
    const found = await listAccounts(contextOf(app.db, admin), { q: person.email });
    expect(found.staffWithoutAccount.map((s) => s.staffId)).toEqual([person.staffId]);

    const given = await giveAccount(contextOf(app.db, admin), {
      staffId: person.staffId,
      role: "teacher",
    });
    expect(given).toMatchObject({ email: person.email, name: person.name });
    const account = await findSignInAccount(app.db, person.email);
    expect(account).toMatchObject({ userId: given.userId, active: true, passwordHash: null });

    const { message, token } = await linkSentTo(person.email);
    expect(message).toMatchObject({
      status: "queued",
      required: true,
      subject: "Your NorthStar Interventions account",
    });
    expect(message?.body).toContain("as teacher");
    expect(await describePasswordLink(publicCtx(), token)).toEqual({
      state: "ready",
      name: person.name,
      email: person.email,
      language: "en",
    });

    expect(await setPasswordFromLink(publicCtx(), token, "a long school-year password")).toEqual({
      state: "done",
      email: person.email,
    });
    const [stored] = await withTenant(app.db, admin, (tx) =>
      tx.select({ hash: users.passwordHash }).from(users).where(eq(users.id, given.userId)),
    );
    expect(await verifyPassword(stored?.hash as string, "a long school-year password")).toBe(true);

    // Used once: the same link no longer sets anything.
    expect(await setPasswordFromLink(publicCtx(), token, "someone else's password")).toEqual({
      state: "used",
    });
    expect(await describePasswordLink(publicCtx(), token)).toEqual({ state: "used" });
    expect(
      (await listAccounts(contextOf(app.db, admin), { q: person.email })).staffWithoutAccount,
    ).toEqual([]);

    await expect(
      giveAccount(contextOf(app.db, admin), { staffId: person.staffId, role: "teacher" }),
    ).rejects.toThrow(UnprocessableError);
  });

  it("gives a Spanish-speaking guardian portal access, with the e-mail and the page in Spanish", async () => {
    const candidates = await withTenant(app.db, admin, (tx) =>
      guardiansWithoutAccount(tx, admin.tenantId, "", 500),
    );
    const guardian = candidates.find((g) => g.language === "es" && g.email && g.children);
    if (!guardian?.email) throw new Error("The demo district has Spanish-speaking guardians");
    const found = await listAccounts(contextOf(app.db, admin), { q: guardian.email });
    expect(found.guardiansWithoutAccount.map((g) => g.guardianId)).toEqual([guardian.guardianId]);

    const given = await giveAccount(contextOf(app.db, admin), { guardianId: guardian.guardianId });
    const { message, text, token } = await linkSentTo(guardian.email);
    expect(message).toMatchObject({
      language: "es",
      subject: "Su cuenta de NorthStar Interventions",
    });
    expect(text).toContain("&lang=es");
    expect(await describePasswordLink(publicCtx(), token)).toMatchObject({
      state: "ready",
      language: "es",
    });
    await setPasswordFromLink(publicCtx(), token, "una contraseña bastante larga");

    const parent = await withTenant(app.db, admin, (tx) =>
      actorById(tx, admin.tenantId, given.userId),
    );
    expect(parent).toMatchObject({ role: "parent", guardianId: guardian.guardianId, locale: "es" });
  });

  it("refuses links that are edited, signed with another key or out of date", async () => {
    const [person] = await withTenant(app.db, admin, (tx) =>
      staffWithoutAccount(tx, admin.tenantId, "", 1),
    );
    if (!person) throw new Error("The demo district has staff without accounts");
    await giveAccount(contextOf(app.db, admin), {
      staffId: person.staffId,
      role: "facilitator",
    });
    const { token } = await linkSentTo(person.email as string);
    expect(await describePasswordLink(publicCtx(), `${token}x`)).toEqual({ state: "invalid" });
    expect(await describePasswordLink({ ...publicCtx(), secret: "z".repeat(40) }, token)).toEqual({
      state: "invalid",
    });
    const inEightDays = new Date(nowMs() + 8 * 86_400_000);
    expect(await setPasswordFromLink(publicCtx(inEightDays), token, "too late for this")).toEqual({
      state: "expired",
    });
  });

  it("is for district admins, and for staff of their own district", async () => {
    const [person] = await withTenant(app.db, admin, (tx) =>
      staffWithoutAccount(tx, admin.tenantId, "", 1),
    );
    if (!person) throw new Error("The demo district has staff without accounts");
    await expect(
      giveAccount(contextOf(app.db, teacher), { staffId: person.staffId, role: "teacher" }),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      giveAccount(contextOf(app.db, cedarAdmin), { staffId: person.staffId, role: "teacher" }),
    ).rejects.toThrow(NotFoundError);
    expect(await findSignInAccount(app.db, person.email as string)).toBeNull();
  });
});

describe("asking for a new password", () => {
  it("e-mails a working link to an active account, once in ten minutes, and tells no one else anything", async () => {
    const [person] = await withTenant(app.db, admin, (tx) =>
      staffWithoutAccount(tx, admin.tenantId, "", 1),
    );
    if (!person?.email) throw new Error("The demo district has staff without accounts");
    const given = await giveAccount(contextOf(app.db, admin), {
      staffId: person.staffId,
      role: "teacher",
    });
    const before = (await linksSentTo(person.email)).length;

    // The account's own invitation counts: the first request comes after the ten minutes.
    const later = new Date(nowMs() + 11 * 60_000);
    await requestPasswordLink(publicCtx(later), person.email.toUpperCase());
    await requestPasswordLink(publicCtx(later), person.email);
    const sent = await linksSentTo(person.email);
    expect(sent).toHaveLength(before + 1);
    expect(sent[0]?.subject).toBe("Your NorthStar Interventions password");
    const { token } = await linkSentTo(person.email);
    expect(
      await setPasswordFromLink(publicCtx(), token, "a brand new long password"),
    ).toMatchObject({
      state: "done",
    });

    await expect(
      requestPasswordLink(publicCtx(), "nobody@nowhere.example"),
    ).resolves.toBeUndefined();
    await changeAccountAccess(contextOf(app.db, admin), {
      userId: given.userId,
      role: "teacher",
      active: false,
    });
    const inAnHour = new Date(nowMs() + 3_600_000);
    await requestPasswordLink(publicCtx(inAnHour), person.email);
    expect(await linksSentTo(person.email)).toHaveLength(before + 1);
  });
});

describe("sessions", () => {
  /** A staff member given an account, with a password chosen through the account's link. */
  async function personWithPassword() {
    const [person] = await withTenant(app.db, admin, (tx) =>
      staffWithoutAccount(tx, admin.tenantId, "", 1),
    );
    if (!person?.email) throw new Error("The demo district has staff without accounts");
    const given = await giveAccount(contextOf(app.db, admin), {
      staffId: person.staffId,
      role: "teacher",
    });
    const { token } = await linkSentTo(person.email);
    // Chosen four hours ago: the sessions these tests sign in began after it.
    const chosen = new Date(nowMs() - 4 * 3_600_000);
    await setPasswordFromLink(publicCtx(chosen), token, "the first long password");
    return { ...given, email: person.email };
  }

  /** The actor a browser that signed in at `signedInAt` gets, or null when its session is over. */
  const sessionActor = (userId: string, signedInAt: Date) =>
    withTenant(app.db, admin, (tx) =>
      actorById(tx, admin.tenantId, userId, { sessionSignedInAt: signedInAt }),
    );

  it("all end when the person sets a new password; the next sign-in works", async () => {
    const person = await personWithPassword();
    const earlier = new Date(nowMs() - 60_000);
    expect(await sessionActor(person.userId, earlier)).not.toBeNull();

    await requestPasswordLink(publicCtx(new Date(nowMs() + 11 * 60_000)), person.email);
    const { token } = await linkSentTo(person.email);
    expect(await setPasswordFromLink(publicCtx(), token, "a new long password")).toMatchObject({
      state: "done",
    });
    expect(await sessionActor(person.userId, earlier)).toBeNull();
    expect(await sessionActor(person.userId, new Date(nowMs() + 1000))).not.toBeNull();
  });

  it("end for good at sign-out, with every older one; one begun later elsewhere carries on", async () => {
    const person = await personWithPassword();
    const morning = new Date(nowMs() - 3 * 3_600_000);
    const classroom = new Date(nowMs() - 2 * 3_600_000);
    const laptop = new Date(nowMs() - 3_600_000);

    await endSession(app.db, {
      tenantId: admin.tenantId,
      userId: person.userId,
      signedInAt: classroom,
    });
    expect(await sessionActor(person.userId, classroom)).toBeNull();
    expect(await sessionActor(person.userId, morning)).toBeNull();
    expect(await sessionActor(person.userId, laptop)).not.toBeNull();

    // Signing out an old copy later never revives what was ended since.
    await endSession(app.db, {
      tenantId: admin.tenantId,
      userId: person.userId,
      signedInAt: morning,
    });
    expect(await sessionActor(person.userId, classroom)).toBeNull();
    expect(await sessionActor(person.userId, laptop)).not.toBeNull();
  });
});

describe("how long password links work", () => {
  it("a new account's for a week, a forgotten password's for an hour", async () => {
    const [person] = await withTenant(app.db, admin, (tx) =>
      staffWithoutAccount(tx, admin.tenantId, "", 1),
    );
    if (!person?.email) throw new Error("The demo district has staff without accounts");
    await giveAccount(contextOf(app.db, admin), { staffId: person.staffId, role: "teacher" });
    const invitation = await linkSentTo(person.email);
    const inSixDays = new Date(nowMs() + 6 * 86_400_000);
    expect(await describePasswordLink(publicCtx(inSixDays), invitation.token)).toMatchObject({
      state: "ready",
    });

    const asked = new Date(nowMs() + 11 * 60_000);
    await requestPasswordLink(publicCtx(asked), person.email);
    const reset = await linkSentTo(person.email);
    expect(reset.message?.subject).toBe("Your NorthStar Interventions password");
    expect(reset.message?.body).toContain("The link works once, for one hour");
    const within = new Date(asked.getTime() + 59 * 60_000);
    const after = new Date(asked.getTime() + 61 * 60_000);
    expect(await describePasswordLink(publicCtx(within), reset.token)).toMatchObject({
      state: "ready",
    });
    expect(await describePasswordLink(publicCtx(after), reset.token)).toEqual({
      state: "expired",
    });
  });
});
