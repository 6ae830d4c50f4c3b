import { and, asc, eq, inArray } from "drizzle-orm";
import type { Tx } from "../../client";
import { protectedBlocks, rooms } from "../../schema";
import { returnedRow } from "../returned-row";

/** Protected blocks and rooms of a school (docs/domain.md, "Time facts"). */

export type ProtectedBlockRow = Pick<
  typeof protectedBlocks.$inferSelect,
  "id" | "schoolId" | "grade" | "kind" | "label" | "days" | "startTime" | "endTime"
>;

const blockColumns = {
  id: protectedBlocks.id,
  schoolId: protectedBlocks.schoolId,
  grade: protectedBlocks.grade,
  kind: protectedBlocks.kind,
  label: protectedBlocks.label,
  days: protectedBlocks.days,
  startTime: protectedBlocks.startTime,
  endTime: protectedBlocks.endTime,
};

/** Protected blocks of these schools (all of the district's when omitted). */
export async function protectedBlocksOf(
  tx: Tx,
  tenantId: string,
  schoolIds?: readonly string[],
): Promise<ProtectedBlockRow[]> {
  if (schoolIds && schoolIds.length === 0) return [];
  return tx
    .select(blockColumns)
    .from(protectedBlocks)
    .where(
      and(
        eq(protectedBlocks.tenantId, tenantId),
        schoolIds ? inArray(protectedBlocks.schoolId, [...schoolIds]) : undefined,
      ),
    )
    .orderBy(
      asc(protectedBlocks.schoolId),
      asc(protectedBlocks.startTime),
      asc(protectedBlocks.grade),
    );
}

export async function protectedBlockById(
  tx: Tx,
  tenantId: string,
  id: string,
): Promise<ProtectedBlockRow | null> {
  const [row] = await tx
    .select(blockColumns)
    .from(protectedBlocks)
    .where(and(eq(protectedBlocks.tenantId, tenantId), eq(protectedBlocks.id, id)));
  return row ?? null;
}

export type ProtectedBlockValues = Omit<ProtectedBlockRow, "id">;

export async function insertProtectedBlock(
  tx: Tx,
  tenantId: string,
  values: ProtectedBlockValues,
): Promise<ProtectedBlockRow> {
  return returnedRow(
    await tx
      .insert(protectedBlocks)
      .values({ tenantId, ...values })
      .returning(blockColumns),
  );
}

export async function updateProtectedBlock(
  tx: Tx,
  tenantId: string,
  id: string,
  values: Omit<ProtectedBlockValues, "schoolId">,
): Promise<void> {
  await tx
    .update(protectedBlocks)
    .set(values)
    .where(and(eq(protectedBlocks.tenantId, tenantId), eq(protectedBlocks.id, id)));
}

export async function deleteProtectedBlock(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx
    .delete(protectedBlocks)
    .where(and(eq(protectedBlocks.tenantId, tenantId), eq(protectedBlocks.id, id)));
}

export interface RoomRow {
  id: string;
  schoolId: string;
  name: string;
  capacity: number | null;
}

const roomColumns = {
  id: rooms.id,
  schoolId: rooms.schoolId,
  name: rooms.name,
  capacity: rooms.capacity,
};

/** Rooms of the district with their capacity, by school and name. */
export async function roomsWithCapacity(tx: Tx, tenantId: string): Promise<RoomRow[]> {
  return tx
    .select(roomColumns)
    .from(rooms)
    .where(eq(rooms.tenantId, tenantId))
    .orderBy(asc(rooms.schoolId), asc(rooms.name));
}

export async function roomById(tx: Tx, tenantId: string, id: string): Promise<RoomRow | null> {
  const [row] = await tx
    .select(roomColumns)
    .from(rooms)
    .where(and(eq(rooms.tenantId, tenantId), eq(rooms.id, id)));
  return row ?? null;
}

export async function insertRoom(
  tx: Tx,
  tenantId: string,
  values: Omit<RoomRow, "id">,
): Promise<RoomRow> {
  return returnedRow(
    await tx
      .insert(rooms)
      .values({ tenantId, ...values })
      .returning(roomColumns),
  );
}

export async function updateRoom(
  tx: Tx,
  tenantId: string,
  id: string,
  values: Pick<RoomRow, "name" | "capacity">,
): Promise<void> {
  await tx
    .update(rooms)
    .set(values)
    .where(and(eq(rooms.tenantId, tenantId), eq(rooms.id, id)));
}
