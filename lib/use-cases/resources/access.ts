import type { Tx } from "@/db/client";
import { findResource, schoolExistsInDistrict } from "@/db/queries/resources";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { canManageResources, canReadResources } from "@/lib/domain/policy/resources";
import type { UseCaseContext } from "../context";

/** Refusals shared by the catalogue's use-cases (docs/domain.md, "Resources"). */

export function requireResourceReader(ctx: UseCaseContext): void {
  if (!canReadResources(ctx.actor))
    throw new ForbiddenError("Only intervention specialists and district admins see resources.");
}

export function requireResourceManager(ctx: UseCaseContext): void {
  if (!canManageResources(ctx.actor))
    throw new ForbiddenError("Only district admins change the resource catalogue.");
}

/** The resource in the actor's district; another district's is "not found", like a made-up id. */
export async function loadResource(tx: Tx, ctx: UseCaseContext, id: string) {
  const row = isUuid(id) ? await findResource(tx, ctx.actor.tenantId, id) : null;
  if (!row) throw new NotFoundError("Resource");
  return row;
}

/** A school named in the input must be one of the district's (a field error, nothing written). */
export async function checkSchool(
  tx: Tx,
  ctx: UseCaseContext,
  schoolId: string | null | undefined,
): Promise<void> {
  if (!schoolId) return;
  if (!(await schoolExistsInDistrict(tx, ctx.actor.tenantId, schoolId)))
    throw new ValidationError([{ path: "schoolId", message: "Pick a school from the list." }]);
}
