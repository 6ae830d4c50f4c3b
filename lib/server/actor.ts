import { now } from "@/lib/clock";
import { config } from "@/lib/config";
import "server-only";
import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { actorById, sessionActorNow } from "@/db/queries/users";
import { checkedFirst, type FirstCheck, withTenant } from "@/db/with-tenant";
import { UnauthenticatedError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import type { UseCaseContext } from "@/lib/use-cases/context";
import { authenticateTokenFrom } from "@/lib/use-cases/tokens/throttled-token";
import { sessionIdentity } from "./auth";
import { tokenClientAddress } from "./client-address";
import { requestDb } from "./db";
import { ActorChangedError, forgetActor, knownActor, rememberActor } from "./known-actors";
import { withChosenLanguage } from "./locale";

type SessionIdentity = NonNullable<Awaited<ReturnType<typeof sessionIdentity>>>;

/**
 * Who a request runs as, and the check its first transaction still owes (null when the actor
 * was just read from the database, or is an API token, checked when it was looked up).
 */
export interface RequestActor {
  actor: Actor;
  check: FirstCheck | null;
}

/** Reads the signed-in person's account now, as it is (null: gone, switched off or ended). */
async function readSessionActor(identity: SessionIdentity): Promise<Actor | null> {
  const actor = await withTenant(requestDb(), identity, (tx) =>
    actorById(tx, identity.tenantId, identity.userId, { sessionSignedInAt: identity.signedInAt }),
  );
  if (actor) rememberActor(actor);
  else forgetActor(identity);
  return actor;
}

/**
 * The signed-in person, re-read from the database on every request: a deactivated account
 * or a changed role takes effect at once, whatever the session cookie still says, and a
 * session begun before the account was last switched off stays over.
 */
export async function currentActor(): Promise<Actor | null> {
  const identity = await sessionIdentity();
  if (!identity) return null;
  // A parent's language may be the one picked with the portal's switch (./locale.ts).
  return withChosenLanguage(await readSessionActor(identity));
}

/**
 * The same guarantee for an API request or a server action, without a transaction of its own
 * (decision 0026): the person as this process last read them, and a check that reads the
 * account again inside the command's own transaction, as its first statement, and refuses
 * with `refusal` when the account is switched off or the session ended. An account that
 * changed otherwise (role, link to staff, name) is ActorChangedError: `runChecked` runs the
 * request again as the person is now. A person this process has not read yet is read first.
 */
async function sessionActor(refusal: string): Promise<RequestActor | null> {
  const identity = await sessionIdentity();
  if (!identity) return null;
  const known = knownActor(identity);
  if (!known) {
    const actor = await withChosenLanguage(await readSessionActor(identity));
    return actor ? { actor, check: null } : null;
  }
  const check: FirstCheck = {
    passed: false,
    async run(tx) {
      const actor = await sessionActorNow(
        tx,
        identity.tenantId,
        identity.userId,
        identity.signedInAt,
      );
      if (!actor) {
        forgetActor(identity);
        throw new UnauthenticatedError(refusal);
      }
      if (rememberActor(actor) !== known) throw new ActorChangedError();
    },
  };
  const actor = await withChosenLanguage(known);
  return actor ? { actor, check } : null;
}

/**
 * An API request's actor: the bearer token when one is sent (bad ones counted per client,
 * ../use-cases/tokens/throttled-token.ts), else the session cookie.
 */
export async function requestActor(request: Request): Promise<RequestActor | null> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    // The counters are keyed with AUTH_SECRET, which the server always has (npm start sets it);
    // a route called in-process without one (tests) is not counted.
    const secret = config().AUTH_SECRET;
    const client = secret ? tokenClientAddress(request.headers) : null;
    const throttle = { db: requestDb(), now: now(), secret: secret ?? "" };
    return { actor: await authenticateTokenFrom(throttle, authorization, client), check: null };
  }
  return sessionActor(new UnauthenticatedError().message);
}

/** A server action's actor (./action.ts): as `requestActor`'s, refused in the forms' words. */
export function actionActor(refusal: string): Promise<RequestActor | null> {
  return sessionActor(refusal);
}

/** For pages: the actor, or off to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  return actor;
}

export function contextFor(
  actor: Actor,
  requestId: string = randomUUID(),
  check: FirstCheck | null = null,
): UseCaseContext {
  const db = check ? checkedFirst(requestDb(), check) : requestDb();
  return { db, actor, now, requestId };
}

/**
 * Runs a request's work (`attempt`, given the actor and its context's check) so that the
 * actor is checked exactly once whatever the work does: a use-case that opened no
 * transaction, or failed before its first (a refusal decided on the role as last read), has
 * the check run on its own afterwards, so its answer stands only if the actor still holds.
 * When the account changed since it was last read, the work runs again with the actor read
 * afresh and checked up front, as every request did before (decision 0026).
 */
export async function runChecked<T>(
  resolved: RequestActor,
  attempt: (actor: Actor, check: FirstCheck | null) => Promise<T>,
  refusal: string,
): Promise<T> {
  const { actor, check } = resolved;
  if (!check) return attempt(actor, null);
  let outcome: { ok: true; value: T } | { ok: false; error: unknown };
  try {
    outcome = { ok: true, value: await attempt(actor, check) };
  } catch (error) {
    outcome = { ok: false, error };
  }
  try {
    // The work's answer, a refusal included, stands only for an actor that still holds (a
    // 401 is the check's own answer already).
    const settled =
      !outcome.ok &&
      (outcome.error instanceof ActorChangedError || outcome.error instanceof UnauthenticatedError);
    if (!settled) await settle(actor, check);
    if (outcome.ok) return outcome.value;
    throw outcome.error;
  } catch (error) {
    if (!(error instanceof ActorChangedError)) throw error;
  }
  const fresh = await currentActor();
  if (!fresh) throw new UnauthenticatedError(refusal);
  return attempt(fresh, null);
}

async function settle(actor: Actor, check: FirstCheck): Promise<void> {
  if (check.passed) return;
  await withTenant(checkedFirst(requestDb(), check), actor, async () => undefined);
}
