import { and, asc, eq, inArray } from "drizzle-orm";
import type { Tx } from "../../client";
import { bellPeriods, schools } from "../../schema";
import { returnedRow } from "../returned-row";

/** Schools' rotation days and bell periods (docs/domain.md, "Time facts"). */

export interface SchoolRotationRow {
  id: string;
  name: string;
  code: string | null;
  sourceId: string | null;
  dayRotation: string[];
  rotationStartsOn: string | null;
}

const schoolColumns = {
  id: schools.id,
  name: schools.name,
  code: schools.code,
  sourceId: schools.sourceId,
  dayRotation: schools.dayRotation,
  rotationStartsOn: schools.rotationStartsOn,
};

/** The district's schools with their rotation, by name (or only `schoolIds`). */
export async function schoolRotations(
  tx: Tx,
  tenantId: string,
  schoolIds?: readonly string[],
): Promise<SchoolRotationRow[]> {
  if (schoolIds && schoolIds.length === 0) return [];
  return tx
    .select(schoolColumns)
    .from(schools)
    .where(
      and(
        eq(schools.tenantId, tenantId),
        schoolIds ? inArray(schools.id, [...schoolIds]) : undefined,
      ),
    )
    .orderBy(asc(schools.name));
}

/** Sets a school's rotation; returns the row before the change, or null when there is none. */
export async function setSchoolRotation(
  tx: Tx,
  tenantId: string,
  schoolId: string,
  rotation: { dayRotation: string[]; rotationStartsOn: string | null },
): Promise<SchoolRotationRow | null> {
  const [before] = await schoolRotations(tx, tenantId, [schoolId]);
  if (!before) return null;
  await tx
    .update(schools)
    .set(rotation)
    .where(and(eq(schools.tenantId, tenantId), eq(schools.id, schoolId)));
  return before;
}

export type BellPeriodRow = Pick<
  typeof bellPeriods.$inferSelect,
  "id" | "schoolId" | "dayType" | "label" | "startTime" | "endTime"
>;

const periodColumns = {
  id: bellPeriods.id,
  schoolId: bellPeriods.schoolId,
  dayType: bellPeriods.dayType,
  label: bellPeriods.label,
  startTime: bellPeriods.startTime,
  endTime: bellPeriods.endTime,
};

/** Bell periods of these schools (all of the district's when omitted), by day type and time. */
export async function bellPeriodsOf(
  tx: Tx,
  tenantId: string,
  schoolIds?: readonly string[],
): Promise<BellPeriodRow[]> {
  if (schoolIds && schoolIds.length === 0) return [];
  return tx
    .select(periodColumns)
    .from(bellPeriods)
    .where(
      and(
        eq(bellPeriods.tenantId, tenantId),
        schoolIds ? inArray(bellPeriods.schoolId, [...schoolIds]) : undefined,
      ),
    )
    .orderBy(asc(bellPeriods.schoolId), asc(bellPeriods.dayType), asc(bellPeriods.startTime));
}

export async function bellPeriodById(
  tx: Tx,
  tenantId: string,
  id: string,
): Promise<BellPeriodRow | null> {
  const [row] = await tx
    .select(periodColumns)
    .from(bellPeriods)
    .where(and(eq(bellPeriods.tenantId, tenantId), eq(bellPeriods.id, id)));
  return row ?? null;
}

export type BellPeriodValues = Omit<BellPeriodRow, "id">;

export async function insertBellPeriod(
  tx: Tx,
  tenantId: string,
  values: BellPeriodValues,
): Promise<BellPeriodRow> {
  return returnedRow(
    await tx
      .insert(bellPeriods)
      .values({ tenantId, ...values })
      .returning(periodColumns),
  );
}

export async function updateBellPeriod(
  tx: Tx,
  tenantId: string,
  id: string,
  values: Omit<BellPeriodValues, "schoolId">,
): Promise<void> {
  await tx
    .update(bellPeriods)
    .set(values)
    .where(and(eq(bellPeriods.tenantId, tenantId), eq(bellPeriods.id, id)));
}

export async function deleteBellPeriod(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx
    .delete(bellPeriods)
    .where(and(eq(bellPeriods.tenantId, tenantId), eq(bellPeriods.id, id)));
}

/** Replaces every bell period of one school; returns how many there were before. */
export async function replaceBellPeriods(
  tx: Tx,
  tenantId: string,
  schoolId: string,
  periods: readonly Omit<BellPeriodValues, "schoolId">[],
): Promise<number> {
  const removed = await tx
    .delete(bellPeriods)
    .where(and(eq(bellPeriods.tenantId, tenantId), eq(bellPeriods.schoolId, schoolId)))
    .returning({ id: bellPeriods.id });
  if (periods.length > 0) {
    await tx.insert(bellPeriods).values(periods.map((p) => ({ tenantId, schoolId, ...p })));
  }
  return removed.length;
}
