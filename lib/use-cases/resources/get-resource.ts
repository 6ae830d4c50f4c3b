import { withTenant } from "@/db/with-tenant";
import type { UseCaseContext } from "../context";
import { loadResource, requireResourceReader } from "./access";
import { type ResourceDto, toResourceDto } from "./resource-dto";

export async function getResource(ctx: UseCaseContext, id: string): Promise<ResourceDto> {
  requireResourceReader(ctx);
  return withTenant(ctx.db, ctx.actor, async (tx) =>
    toResourceDto(await loadResource(tx, ctx, id)),
  );
}
