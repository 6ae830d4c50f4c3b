import { appendAudit } from "@/db/queries/audit";
import { findResource, insertResource } from "@/db/queries/resources";
import { withTenant } from "@/db/with-tenant";
import {
  type CreateResourceInput,
  withCostFieldsOfModel,
} from "@/lib/domain/scheduling/resource-schemas";
import type { UseCaseContext } from "../context";
import { checkSchool, requireResourceManager } from "./access";
import { type ResourceDto, toResourceDto } from "./resource-dto";

/** Adds a curriculum, material or equipment item to the catalogue (admins); audit `resource.created`. */
export async function createResource(
  ctx: UseCaseContext,
  input: CreateResourceInput,
): Promise<ResourceDto> {
  requireResourceManager(ctx);
  const values = withCostFieldsOfModel(input);
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    await checkSchool(tx, ctx, values.schoolId);
    const id = await insertResource(tx, ctx.actor.tenantId, {
      ...values,
      description: values.description || null,
      location: values.location || null,
      schoolId: values.schoolId ?? null,
    });
    const row = await findResource(tx, ctx.actor.tenantId, id);
    const dto = toResourceDto(row!);
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      { action: "resource.created", entityType: "resource", entityId: id, after: dto },
    ]);
    return dto;
  });
}
