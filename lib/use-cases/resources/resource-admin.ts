import { districtOf } from "@/db/queries/districts";
import { resourcesOfDistrict, roomCatalogue, schoolChoices } from "@/db/queries/resources";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError } from "@/lib/domain/errors";
import { canManageResources } from "@/lib/domain/policy/resources";
import { hourlyStaffCostsFrom } from "@/lib/domain/scheduling/staff-cost";
import type { UseCaseContext } from "../context";
import { toResourceDto } from "./resource-dto";

/**
 * Administration → Resources: the whole catalogue (retired ones too), the schools a resource
 * may belong to, the rooms, and the staff cost rates. Admins only.
 */
export async function getResourceAdmin(ctx: UseCaseContext) {
  if (!canManageResources(ctx.actor))
    throw new ForbiddenError("Only district admins keep the resource catalogue.");
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const [resources, schools, rooms, district] = await Promise.all([
      resourcesOfDistrict(tx, tenantId, { includeRetired: true }),
      schoolChoices(tx, tenantId),
      roomCatalogue(tx, tenantId),
      districtOf(tx, tenantId),
    ]);
    return {
      resources: resources.map(toResourceDto),
      schools,
      rooms,
      staffCosts: hourlyStaffCostsFrom(district.settings),
    };
  });
}
