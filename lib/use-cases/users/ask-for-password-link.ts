import { RESET_PER_ADDRESS, RESET_PER_CLIENT } from "@/lib/domain/security/sign-in-throttle";
import { countAgainst, type ThrottleKey, throttleWait } from "../auth/throttle";
import type { PublicContext } from "../context";
import { requestPasswordLink } from "./request-password-link";

/**
 * "Forgot your password?" as the public form asks it: counted per address and per client (when
 * a trusted proxy names it) in the sign-in counters, before anything is looked up. Every
 * request counts, whether or not the address has an account, so a pause tells nobody who has
 * one; past the free requests the answer is "wait N minutes" and no mail goes out, so a script
 * cannot fill someone's inbox. Returns the minutes to wait, or 0 when the request was taken.
 */
export async function askForPasswordLink(
  ctx: PublicContext,
  request: { email: string; client: string | null },
): Promise<number> {
  const keys: ThrottleKey[] = [
    [`reset-account:${request.email.trim().toLowerCase()}`, RESET_PER_ADDRESS],
  ];
  if (request.client) keys.push([`reset-client:${request.client}`, RESET_PER_CLIENT]);
  const deps = { db: ctx.db, now: ctx.now(), secret: ctx.secret };
  const waiting = await throttleWait(deps, keys);
  if (waiting > 0) return waiting;
  // The request that goes past the free ones is already refused: counted, then checked.
  const wait = await countAgainst(deps, keys);
  if (wait > 0) return wait;
  await requestPasswordLink(ctx, request.email);
  return 0;
}
