import { config } from "@/lib/config";

/**
 * The client's address, for limits per client (sign-in throttling). Only a proxy the operator
 * trusts (TRUST_PROXY=true) can say it, in X-Forwarded-For; without one the header is the
 * client's own claim, which an attacker would vary to escape a limit or aim at a school's
 * shared address to lock it out, so it is not used.
 */
export function clientAddress(headers: Headers): string | null {
  if (config().TRUST_PROXY !== "true") return null;
  const first = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return first || null;
}

/**
 * The address to count bad API tokens against: the trusted proxy's client address, else the
 * connection's. Next.js fills X-Forwarded-For from the socket when a request comes without one
 * (its base server), so without a proxy the header is the connection's address, unless the
 * client sent one itself: then it is counted under what it sent (decision 0012 says what that
 * allows). Null only when neither exists (a request not served by Next, as in unit tests).
 */
export function tokenClientAddress(headers: Headers): string | null {
  return clientAddress(headers) ?? (headers.get("x-forwarded-for")?.trim() || null);
}
