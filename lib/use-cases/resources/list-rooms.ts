import { roomCatalogue } from "@/db/queries/resources";
import { withTenant } from "@/db/with-tenant";
import type { UseCaseContext } from "../context";
import { requireResourceReader } from "./access";

export interface RoomDto {
  id: string;
  name: string;
  capacity: number | null;
  schoolId: string;
  schoolName: string;
}

/** The district's rooms (or one school's), by school and name: specialists and admins. */
export async function listRooms(
  ctx: UseCaseContext,
  query: { schoolId?: string } = {},
): Promise<{ items: RoomDto[] }> {
  requireResourceReader(ctx);
  return withTenant(ctx.db, ctx.actor, async (tx) => ({
    items: await roomCatalogue(tx, ctx.actor.tenantId, query.schoolId),
  }));
}
