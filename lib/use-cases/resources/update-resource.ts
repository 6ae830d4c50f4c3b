import { appendAudit } from "@/db/queries/audit";
import { findResource, highestUnitBookedAfter, updateResourceRow } from "@/db/queries/resources";
import { withTenant } from "@/db/with-tenant";
import { changedFields } from "@/lib/domain/audit/changes";
import { ConflictError } from "@/lib/domain/errors";
import { parseInput } from "@/lib/domain/errors/from-zod";
import {
  createResourceSchema,
  type UpdateResourceInput,
  withCostFieldsOfModel,
} from "@/lib/domain/scheduling/resource-schemas";
import type { UseCaseContext } from "../context";
import { checkSchool, loadResource, requireResourceManager } from "./access";
import { type ResourceDto, toResourceDto } from "./resource-dto";

/**
 * Changes a catalogue item (admins): the fields sent are replaced, the rest kept, and the result
 * must still be complete for its cost model (400 naming the missing field). A pool smaller than
 * the units that sessions still to come hold at once is a 409 (units are booked lowest first,
 * so the highest unit booked is that count).
 * Audit `resource.updated` with the changed fields; a change that changes nothing writes nothing.
 */
export async function updateResource(
  ctx: UseCaseContext,
  id: string,
  input: UpdateResourceInput,
): Promise<ResourceDto> {
  requireResourceManager(ctx);
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const current = await loadResource(tx, ctx, id);
    const sent = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const merged = withCostFieldsOfModel(
      parseInput(createResourceSchema, {
        kind: current.kind,
        name: current.name,
        description: current.description,
        quantity: current.quantity,
        location: current.location,
        schoolId: current.schoolId,
        costModel: current.costModel,
        purchaseCents: current.purchaseCents,
        usefulLifeYears: current.usefulLifeYears,
        licenceCentsPerStudentYear: current.licenceCentsPerStudentYear,
        perUseCents: current.perUseCents,
        ...sent,
      }),
    );
    if (merged.schoolId !== current.schoolId) await checkSchool(tx, ctx, merged.schoolId);
    if (merged.quantity < current.quantity) {
      const held = await highestUnitBookedAfter(tx, ctx.actor.tenantId, id, ctx.now());
      if (held > merged.quantity)
        throw new ConflictError(
          `Sessions still to come hold ${held} of these at once; keep at least ${held} or change those groups first.`,
        );
    }
    const before = toResourceDto(current);
    const values = {
      ...merged,
      description: merged.description || null,
      location: merged.location || null,
      schoolId: merged.schoolId ?? null,
    };
    const changes = changedFields(
      before as unknown as Record<string, unknown>,
      values as unknown as Record<string, unknown>,
    );
    if (!changes) return before;
    await updateResourceRow(tx, ctx.actor.tenantId, id, values);
    const after = toResourceDto((await findResource(tx, ctx.actor.tenantId, id))!);
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: "resource.updated",
        entityType: "resource",
        entityId: id,
        before: changes.before,
        after: changes.after,
      },
    ]);
    return after;
  });
}
