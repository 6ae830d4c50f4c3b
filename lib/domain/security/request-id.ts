import { isUuid } from "../ids";

/**
 * A client's own correlation id short of a UUID: letters, digits, dot, dash and underscore,
 * 8 to 64 of them. Nothing else (no spaces, colons, quotes, control or non-ASCII characters)
 * reaches the audit trail, whose rows carry the request id (lib/server/route.ts).
 */
const SAFE_TOKEN = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * The client's `x-request-id` when it is a UUID or a short safe token, else null (the caller
 * makes one). A colon never passes, so a client cannot pose as a token's request
 * (`api-token:…`, lib/use-cases/tokens/authenticate-token.ts).
 */
export function acceptedRequestId(claimed: string | null | undefined): string | null {
  if (!claimed) return null;
  if (isUuid(claimed)) return claimed.toLowerCase();
  return SAFE_TOKEN.test(claimed) ? claimed : null;
}
