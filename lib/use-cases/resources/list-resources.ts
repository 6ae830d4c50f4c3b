import { resourcesOfDistrict } from "@/db/queries/resources";
import { withTenant } from "@/db/with-tenant";
import type { UseCaseContext } from "../context";
import { requireResourceReader } from "./access";
import { type ResourceDto, toResourceDto } from "./resource-dto";

/** The district's catalogue, by kind and name; retired resources only when asked for. */
export async function listResources(
  ctx: UseCaseContext,
  options: { includeRetired: boolean } = { includeRetired: false },
): Promise<{ items: ResourceDto[] }> {
  requireResourceReader(ctx);
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const rows = await resourcesOfDistrict(tx, ctx.actor.tenantId, options);
    return { items: rows.map(toResourceDto) };
  });
}
