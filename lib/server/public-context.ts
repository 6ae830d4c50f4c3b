import { now } from "@/lib/clock";
import "server-only";
import { randomUUID } from "node:crypto";
import type { PublicContext } from "@/lib/use-cases/context";
import { appConfig } from "./config";
import { requestDb } from "./db";

/** For pages reached by a signed link: no session, the token in the URL is the only credential. */
export function publicContext(): PublicContext {
  return {
    db: requestDb(),
    now,
    requestId: randomUUID(),
    secret: appConfig().AUTH_SECRET,
  };
}
