import type { Tx } from "@/db/client";
import { getVisibleIntervention } from "@/db/queries/interventions";
import { NotFoundError } from "@/lib/domain/errors";
import { interventionAccess } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";

/**
 * The intervention row and the actor's access to it, inside the caller's transaction; not in the
 * district or not connected to the actor: "not found", so an outsider learns nothing.
 */
export async function loadInterventionAccess(tx: Tx, ctx: UseCaseContext, interventionId: string) {
  const intervention = await getVisibleIntervention(tx, ctx.actor, interventionId, ctx.now());
  const access = intervention ? interventionAccess(ctx.actor, intervention) : "none";
  if (!intervention || access === "none") throw new NotFoundError("Intervention");
  return { intervention, access };
}
