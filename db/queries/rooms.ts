import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "../client";
import { rooms, schools } from "../schema";

export async function roomsOfDistrict(tx: Tx, tenantId: string) {
  return tx
    .select({ id: rooms.id, name: rooms.name, schoolName: schools.name })
    .from(rooms)
    .innerJoin(schools, and(eq(schools.tenantId, rooms.tenantId), eq(schools.id, rooms.schoolId)))
    .where(eq(rooms.tenantId, tenantId))
    .orderBy(asc(schools.name), asc(rooms.name));
}
