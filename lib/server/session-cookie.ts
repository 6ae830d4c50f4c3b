import { decode, type JWT } from "next-auth/jwt";

/**
 * Auth.js's session cookie, read without Auth.js's request handling. `auth()` runs the whole
 * session endpoint for every call: it checks the CSRF cookie, decrypts the token, encrypts it
 * again with a new expiry and writes cookies that a route handler or a page never sends. On the
 * floor route that was about a third of the server's CPU per request (docs/benchmarks.md, "Where
 * the time goes"). Decrypting the token is all a request needs: the same check of its seal and
 * its expiry (`decode`, as Auth.js itself decodes it), and the account is then checked in the
 * database as before (./actor.ts).
 */

/** The cookie's names: Auth.js prefixes `__Secure-` when the site is served over https. */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"];

interface Cookie {
  name: string;
  value: string;
}

/** A cookie Auth.js split into chunks (`name.0`, `name.1`, …) joined back, or the whole one. */
function cookieValue(cookies: readonly Cookie[], name: string): string | undefined {
  const whole = cookies.find((cookie) => cookie.name === name);
  if (whole) return whole.value;
  const chunks = cookies
    .filter((cookie) => cookie.name.startsWith(`${name}.`))
    .map((cookie) => ({ suffix: cookie.name.slice(name.length + 1), value: cookie.value }))
    .filter((chunk) => /^\d+$/.test(chunk.suffix))
    .sort((a, b) => Number(a.suffix) - Number(b.suffix));
  return chunks.length > 0 ? chunks.map((chunk) => chunk.value).join("") : undefined;
}

/**
 * The claims of the request's session token, or null: no cookie, a token sealed with another
 * secret or under another cookie's name, or one past its expiry.
 */
export async function sessionClaims(
  cookies: readonly Cookie[],
  secret: string,
): Promise<JWT | null> {
  for (const name of SESSION_COOKIE_NAMES) {
    const token = cookieValue(cookies, name);
    if (!token) continue;
    try {
      return await decode({ token, secret, salt: name });
    } catch {
      return null;
    }
  }
  return null;
}
