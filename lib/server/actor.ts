import { now } from "@/lib/clock";
import { config } from "@/lib/config";
import "server-only";
import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { actorById } from "@/db/queries/users";
import { withTenant } from "@/db/with-tenant";
import type { Actor } from "@/lib/domain/policy";
import type { UseCaseContext } from "@/lib/use-cases/context";
import { authenticateTokenFrom } from "@/lib/use-cases/tokens/throttled-token";
import { sessionIdentity } from "./auth";
import { tokenClientAddress } from "./client-address";
import { requestDb } from "./db";
import { withChosenLanguage } from "./locale";

/**
 * The signed-in person, re-read from the database on every request: a deactivated account
 * or a changed role takes effect at once, whatever the session cookie still says, and a
 * session begun before the account was last switched off stays over.
 */
export async function currentActor(): Promise<Actor | null> {
  const identity = await sessionIdentity();
  if (!identity) return null;
  const actor = await withTenant(requestDb(), identity, (tx) =>
    actorById(tx, identity.tenantId, identity.userId, { sessionSignedInAt: identity.signedInAt }),
  );
  // A parent's language may be the one picked with the portal's switch (./locale.ts).
  return withChosenLanguage(actor);
}

/**
 * An API request's actor: the bearer token when one is sent (bad ones counted per client,
 * ../use-cases/tokens/throttled-token.ts), else the session cookie.
 */
export async function requestActor(request: Request): Promise<Actor | null> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    // The counters are keyed with AUTH_SECRET, which the server always has (npm start sets it);
    // a route called in-process without one (tests) is not counted.
    const secret = config().AUTH_SECRET;
    const client = secret ? tokenClientAddress(request.headers) : null;
    const throttle = { db: requestDb(), now: now(), secret: secret ?? "" };
    return authenticateTokenFrom(throttle, authorization, client);
  }
  return currentActor();
}

/** For pages: the actor, or off to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  return actor;
}

export function contextFor(actor: Actor, requestId: string = randomUUID()): UseCaseContext {
  return { db: requestDb(), actor, now, requestId };
}
