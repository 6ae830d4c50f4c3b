import type { UseCaseContext } from "../context";
import { listResources } from "../resources/list-resources";
import { listRooms } from "../resources/list-rooms";

export interface RoomOption {
  id: string;
  /** "Room 104 — Maple Grove Elementary (seats 8)" */
  label: string;
  schoolId: string;
  capacity: number | null;
}

export interface ResourceOption {
  id: string;
  name: string;
  kind: string;
  quantity: number;
}

/**
 * The planning form's choices (issue 10): the district's rooms, with their school and how many
 * they seat, and its resources still in use. Read through the catalogue's own use-cases
 * (lib/use-cases/resources/), so who may read them is decided there: specialists and admins.
 */
export async function listScheduleOptions(
  ctx: UseCaseContext,
): Promise<{ rooms: RoomOption[]; resources: ResourceOption[] }> {
  const [rooms, resources] = await Promise.all([
    listRooms(ctx),
    listResources(ctx, { includeRetired: false }),
  ]);
  return {
    rooms: rooms.items.map((room) => ({
      id: room.id,
      label: `${room.name} — ${room.schoolName}${room.capacity != null ? ` (seats ${room.capacity})` : ""}`,
      schoolId: room.schoolId,
      capacity: room.capacity,
    })),
    resources: resources.items.map((resource) => ({
      id: resource.id,
      name: resource.name,
      kind: resource.kind,
      quantity: resource.quantity,
    })),
  };
}
