import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, type DatabaseHandle } from "@/db/client";
import { signInFailures } from "@/db/schema";
import { now } from "@/lib/clock";
import { recordSignInFailure, recordSignInSuccess, signInWait } from "./sign-in-throttle";

let app: DatabaseHandle;
const SECRET = "a-test-secret-that-is-at-least-32-characters-long";
const minutes = (n: number) => new Date(now().getTime() + n * 60_000);
const deps = (at = now()) => ({ db: app.db, now: at, secret: SECRET });

beforeAll(() => {
  app = connect(inject("appUrl"), { max: 4 });
});

afterAll(() => app.close());

describe("sign-in throttling, as the app role", () => {
  it("locks an address after five failures, for a minute, then longer", async () => {
    const attempt = { email: `guess-${randomUUID()}@maplegrove.example`, client: null };
    for (let i = 0; i < 5; i++) await recordSignInFailure(deps(), attempt);
    expect(await signInWait(deps(), attempt)).toBe(0);
    await recordSignInFailure(deps(), attempt);
    expect(await signInWait(deps(), attempt)).toBe(1);
    // The case of the address does not make it another account.
    expect(await signInWait(deps(), { ...attempt, email: attempt.email.toUpperCase() })).toBe(1);
    expect(await signInWait(deps(minutes(2)), attempt)).toBe(0);
    await recordSignInFailure(deps(minutes(2)), attempt);
    expect(await signInWait(deps(minutes(2)), attempt)).toBe(2);
  });

  it("counts failures that arrive at the same moment", async () => {
    const attempt = { email: `burst-${randomUUID()}@maplegrove.example`, client: "203.0.113.7" };
    await Promise.all(Array.from({ length: 6 }, () => recordSignInFailure(deps(), attempt)));
    expect(await signInWait(deps(), attempt)).toBe(1);
  });

  it("clears the address's count on success, and keeps no address in the table", async () => {
    const email = `slips-${randomUUID()}@maplegrove.example`;
    const attempt = { email, client: null };
    for (let i = 0; i < 5; i++) await recordSignInFailure(deps(), attempt);
    await recordSignInSuccess(deps(), attempt);
    await recordSignInFailure(deps(), attempt);
    expect(await signInWait(deps(), attempt)).toBe(0);
    const keys = (await app.db.select({ key: signInFailures.key }).from(signInFailures)).map(
      (r) => r.key,
    );
    expect(keys.every((key) => /^[0-9a-f]{64}$/.test(key))).toBe(true);
  });
});
