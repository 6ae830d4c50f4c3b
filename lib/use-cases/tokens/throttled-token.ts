import { UnauthenticatedError } from "@/lib/domain/errors";
import { TOKEN_PER_CLIENT } from "@/lib/domain/security/sign-in-throttle";
import { TooManyRequestsError } from "@/lib/domain/security/too-many-requests";
import { countAgainst, type ThrottleDeps, type ThrottleKey, throttleWait } from "../auth/throttle";
import { authenticateToken, type TokenActor } from "./authenticate-token";

const pausedFor = (minutes: number) =>
  new TooManyRequestsError(
    minutes * 60,
    `Too many requests with a bad API token from this address: paused for ${minutes === 1 ? "1 minute" : `${minutes} minutes`}. Check the token your script sends.`,
  );

/**
 * `authenticateToken`, with bad tokens counted per client (decision 0012's counters): a client
 * past the free failures is refused with 429 before its token is even looked up, whatever
 * token it sends, until its pause ends. `client` is null when nothing names one (no count).
 */
export async function authenticateTokenFrom(
  deps: ThrottleDeps,
  authorization: string,
  client: string | null,
): Promise<TokenActor> {
  const keys: ThrottleKey[] = client ? [[`token-client:${client}`, TOKEN_PER_CLIENT]] : [];
  const waiting = await throttleWait(deps, keys);
  if (waiting > 0) throw pausedFor(waiting);
  try {
    return await authenticateToken(deps.db, authorization, deps.now);
  } catch (error) {
    if (error instanceof UnauthenticatedError && keys.length > 0) {
      const wait = await countAgainst(deps, keys);
      if (wait > 0) throw pausedFor(wait);
    }
    throw error;
  }
}
