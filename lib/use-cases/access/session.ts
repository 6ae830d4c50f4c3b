import type { Tx } from "@/db/client";
import { getVisibleIntervention } from "@/db/queries/interventions/visible";
import { findSession, type SessionRow } from "@/db/queries/sessions/schedule";
import { NotFoundError } from "@/lib/domain/errors";
import { interventionAccess } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";

/**
 * A session and the actor's access to it, through its intervention. Another district's session,
 * one of a group the actor has no tie to, or (for a family) any session page: not found, so an
 * outsider learns nothing, and a family never sees the rest of the group's attendance.
 *
 * `alongside` reads more of the same session while its access is checked (one round trip
 * instead of two); its result is only handed back once access is established.
 */
export async function loadSessionAccess<T = undefined>(
  tx: Tx,
  ctx: UseCaseContext,
  sessionId: string,
  alongside?: (session: SessionRow) => Promise<T>,
) {
  const session = await findSession(tx, ctx.actor.tenantId, sessionId);
  const [intervention, extra] = session
    ? await Promise.all([
        getVisibleIntervention(tx, ctx.actor, session.interventionId, ctx.now()),
        alongside ? alongside(session) : undefined,
      ])
    : [null, undefined];
  const access = intervention ? interventionAccess(ctx.actor, intervention) : "none";
  if (!session || !intervention || access === "none" || access === "family") {
    throw new NotFoundError("Session");
  }
  return { session, intervention, access, extra: extra as T };
}
