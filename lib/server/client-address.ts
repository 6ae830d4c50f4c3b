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
