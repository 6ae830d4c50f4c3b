import { appendAudit } from "@/db/queries/audit";
import { insertRoom, roomById, updateRoom } from "@/db/queries/scheduling/school-blocks";
import { withTenant } from "@/db/with-tenant";
import { NotFoundError } from "@/lib/domain/errors";
import type { RoomInput } from "@/lib/domain/scheduling/time-facts-schemas";
import type { UseCaseContext } from "../context";
import { assertEditsTimeFacts, requireSchool } from "./time-facts-access";

/** Adds a room with its capacity to a school, or renames one and changes its capacity. */
export async function saveRoom(ctx: UseCaseContext, input: RoomInput) {
  assertEditsTimeFacts(ctx.actor);
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const school = await requireSchool(tx, tenantId, input.schoolId);
    const before = input.id ? await roomById(tx, tenantId, input.id) : null;
    if (input.id && (!before || before.schoolId !== school.id))
      throw new NotFoundError("Room", "No room with this id at this school.");
    const values = { name: input.name, capacity: input.capacity };
    let id: string;
    if (before) {
      await updateRoom(tx, tenantId, before.id, values);
      id = before.id;
    } else id = (await insertRoom(tx, tenantId, { schoolId: school.id, ...values })).id;
    await appendAudit(tx, ctx.actor, ctx.requestId, [
      {
        action: before ? "room.updated" : "room.created",
        entityType: "room",
        entityId: id,
        before,
        after: { schoolId: school.id, ...values },
      },
    ]);
    return { id, schoolId: school.id, ...values };
  });
}
