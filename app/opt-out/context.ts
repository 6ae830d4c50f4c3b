import "server-only";
import { randomUUID } from "node:crypto";
import { appConfig } from "@/lib/server/config";
import { requestDb } from "@/lib/server/db";
import type { PublicContext } from "@/lib/use-cases/communications/opt-out-link";

/** The opt-out page has no session: the signed token in its URL is the only credential. */
export function publicContext(): PublicContext {
  return {
    db: requestDb(),
    now: () => new Date(),
    requestId: randomUUID(),
    secret: appConfig().AUTH_SECRET,
  };
}
