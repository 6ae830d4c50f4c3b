import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "../client";
import { rooms, schools } from "../schema";
import { tenantJoin } from "./tenant-join";

export async function roomsOfDistrict(tx: Tx, tenantId: string) {
  return tx
    .select({ id: rooms.id, name: rooms.name, schoolName: schools.name })
    .from(rooms)
    .innerJoin(schools, tenantJoin(schools.id, rooms.schoolId))
    .where(eq(rooms.tenantId, tenantId))
    .orderBy(asc(schools.name), asc(rooms.name));
}

export async function roomExists(tx: Tx, tenantId: string, roomId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: rooms.id })
    .from(rooms)
    .where(and(eq(rooms.tenantId, tenantId), eq(rooms.id, roomId)));
  return rows.length > 0;
}
