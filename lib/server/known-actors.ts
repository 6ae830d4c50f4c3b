import "server-only";
import type { Actor } from "@/lib/domain/policy";

/**
 * The accounts this process has read, by district and user: what a request runs as until its
 * first transaction has checked the account again (./actor.ts, decision 0026). Never trusted
 * on its own; bounded so that a district's worth of people cannot grow it without end.
 */
const KEPT = 10_000;
const known = new Map<string, Actor>();

type Identity = { tenantId: string; userId: string };
const keyOf = (identity: Identity) => `${identity.tenantId}/${identity.userId}`;

/** The account changed since this process read it: the request runs again as it is now. */
export class ActorChangedError extends Error {
  constructor() {
    super("The account changed since it was last read.");
    this.name = "ActorChangedError";
  }
}

export function knownActor(identity: Identity): Actor | null {
  return known.get(keyOf(identity)) ?? null;
}

/** Keeps `actor`; answers the one kept before when nothing in it changed (same object). */
export function rememberActor(actor: Actor): Actor {
  const key = keyOf(actor);
  const before = known.get(key);
  if (before && sameActor(before, actor)) return before;
  known.delete(key);
  if (known.size >= KEPT) {
    const oldest = known.keys().next().value;
    if (oldest !== undefined) known.delete(oldest);
  }
  known.set(key, actor);
  return actor;
}

export function forgetActor(identity: Identity): void {
  known.delete(keyOf(identity));
}

function sameActor(a: Actor, b: Actor): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => a[key as keyof Actor] === b[key as keyof Actor]);
}
