import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { SESSION_COOKIE_NAMES, sessionClaims } from "./session-cookie";

const SECRET = "a-test-secret-of-enough-length-0123456789";
const [SECURE, PLAIN] = SESSION_COOKIE_NAMES as [string, string];
const claims = { userId: "u-1", tenantId: "t-1", signedInAt: 1_700_000_000_000 };

/** A session token as Auth.js seals it for the cookie `name`. */
const sealed = (name: string, options: { secret?: string; maxAge?: number } = {}) =>
  encode({ token: claims, secret: options.secret ?? SECRET, salt: name, maxAge: options.maxAge });

describe("the session cookie", () => {
  it("gives the claims Auth.js sealed, under either cookie name", async () => {
    for (const name of [SECURE, PLAIN]) {
      const read = await sessionClaims([{ name, value: await sealed(name) }], SECRET);
      expect(read).toMatchObject(claims);
    }
  });

  it("joins a cookie Auth.js split into chunks, in their order", async () => {
    const token = await sealed(PLAIN);
    const third = Math.ceil(token.length / 3);
    const chunks = [2, 0, 1].map((i) => ({
      name: `${PLAIN}.${i}`,
      value: token.slice(i * third, (i + 1) * third),
    }));
    expect(await sessionClaims([{ name: "other", value: "x" }, ...chunks], SECRET)).toMatchObject(
      claims,
    );
  });

  it("refuses a token of another secret, of the other cookie's name, expired, or tampered with", async () => {
    expect(
      await sessionClaims(
        [
          {
            name: PLAIN,
            value: await sealed(PLAIN, { secret: "another-secret-0123456789-abcdefghij" }),
          },
        ],
        SECRET,
      ),
    ).toBeNull();
    expect(await sessionClaims([{ name: PLAIN, value: await sealed(SECURE) }], SECRET)).toBeNull();
    expect(
      await sessionClaims([{ name: PLAIN, value: await sealed(PLAIN, { maxAge: -60 }) }], SECRET),
    ).toBeNull();
    const token = await sealed(PLAIN);
    const flipped = `${token.slice(0, -5)}${token.at(-5) === "A" ? "B" : "A"}${token.slice(-4)}`;
    expect(await sessionClaims([{ name: PLAIN, value: flipped }], SECRET)).toBeNull();
  });

  it("is null without a session cookie", async () => {
    expect(await sessionClaims([], SECRET)).toBeNull();
    expect(await sessionClaims([{ name: "authjs.csrf-token", value: "x" }], SECRET)).toBeNull();
  });
});
