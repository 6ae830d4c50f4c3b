import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import { now } from "@/lib/clock";
import type { Actor } from "@/lib/domain/policy";
import type { UseCaseContext } from "@/lib/use-cases/context";

/** What a request would hand a use-case: the app-role pool, the actor, the clock, a request id. */
export function contextOf(
  db: Database,
  actor: Actor,
  requestId: string = randomUUID(),
): UseCaseContext {
  return { db, actor, now, requestId };
}
