import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import type { Tx } from "../../client";
import { staff, staffAbsences, staffWorkingHours } from "../../schema";
import { returnedRow } from "../returned-row";

/** Staff working hours, absences and caseload caps (docs/domain.md, "Time facts"). */

export interface StaffTimeRow {
  id: string;
  displayName: string;
  title: string | null;
  schoolId: string | null;
  caseloadCap: number | null;
}

const staffColumns = {
  id: staff.id,
  displayName: staff.displayName,
  title: staff.title,
  schoolId: staff.schoolId,
  caseloadCap: staff.caseloadCap,
};

/** Active staff of the district (or `staffIds` of them, active or not), by name. */
export async function staffForTimeFacts(
  tx: Tx,
  tenantId: string,
  staffIds?: readonly string[],
): Promise<StaffTimeRow[]> {
  if (staffIds && staffIds.length === 0) return [];
  return tx
    .select(staffColumns)
    .from(staff)
    .where(
      and(
        eq(staff.tenantId, tenantId),
        staffIds ? inArray(staff.id, [...staffIds]) : eq(staff.active, true),
      ),
    )
    .orderBy(asc(staff.lastName), asc(staff.firstName));
}

export async function setCaseloadCap(
  tx: Tx,
  tenantId: string,
  staffId: string,
  caseloadCap: number | null,
): Promise<void> {
  await tx
    .update(staff)
    .set({ caseloadCap })
    .where(and(eq(staff.tenantId, tenantId), eq(staff.id, staffId)));
}

export interface WorkingHoursRow {
  staffId: string;
  weekday: string;
  startTime: string;
  endTime: string;
}

export async function workingHoursOf(
  tx: Tx,
  tenantId: string,
  staffIds?: readonly string[],
): Promise<WorkingHoursRow[]> {
  if (staffIds && staffIds.length === 0) return [];
  return tx
    .select({
      staffId: staffWorkingHours.staffId,
      weekday: staffWorkingHours.weekday,
      startTime: staffWorkingHours.startTime,
      endTime: staffWorkingHours.endTime,
    })
    .from(staffWorkingHours)
    .where(
      and(
        eq(staffWorkingHours.tenantId, tenantId),
        staffIds ? inArray(staffWorkingHours.staffId, [...staffIds]) : undefined,
      ),
    );
}

/** Replaces a staff member's week; returns the week before. */
export async function replaceWorkingHours(
  tx: Tx,
  tenantId: string,
  staffId: string,
  days: readonly Omit<WorkingHoursRow, "staffId">[],
): Promise<Omit<WorkingHoursRow, "staffId">[]> {
  const before = await tx
    .delete(staffWorkingHours)
    .where(and(eq(staffWorkingHours.tenantId, tenantId), eq(staffWorkingHours.staffId, staffId)))
    .returning({
      weekday: staffWorkingHours.weekday,
      startTime: staffWorkingHours.startTime,
      endTime: staffWorkingHours.endTime,
    });
  if (days.length > 0) {
    await tx.insert(staffWorkingHours).values(days.map((d) => ({ tenantId, staffId, ...d })));
  }
  return before;
}

export type StaffAbsenceRow = Pick<
  typeof staffAbsences.$inferSelect,
  "id" | "staffId" | "kind" | "startsOn" | "endsOn" | "startTime" | "endTime" | "note"
>;

const absenceColumns = {
  id: staffAbsences.id,
  staffId: staffAbsences.staffId,
  kind: staffAbsences.kind,
  startsOn: staffAbsences.startsOn,
  endsOn: staffAbsences.endsOn,
  startTime: staffAbsences.startTime,
  endTime: staffAbsences.endTime,
  note: staffAbsences.note,
};

/** Absences of these staff (every one's when omitted) that touch [from, to] when given. */
export async function absencesOf(
  tx: Tx,
  tenantId: string,
  options: { staffIds?: readonly string[]; from?: string; to?: string } = {},
): Promise<StaffAbsenceRow[]> {
  const { staffIds, from, to } = options;
  if (staffIds && staffIds.length === 0) return [];
  return tx
    .select(absenceColumns)
    .from(staffAbsences)
    .where(
      and(
        eq(staffAbsences.tenantId, tenantId),
        staffIds ? inArray(staffAbsences.staffId, [...staffIds]) : undefined,
        from ? gte(staffAbsences.endsOn, from) : undefined,
        to ? lte(staffAbsences.startsOn, to) : undefined,
      ),
    )
    .orderBy(asc(staffAbsences.startsOn));
}

export async function absenceById(
  tx: Tx,
  tenantId: string,
  id: string,
): Promise<StaffAbsenceRow | null> {
  const [row] = await tx
    .select(absenceColumns)
    .from(staffAbsences)
    .where(and(eq(staffAbsences.tenantId, tenantId), eq(staffAbsences.id, id)));
  return row ?? null;
}

export async function insertAbsence(
  tx: Tx,
  tenantId: string,
  values: Omit<StaffAbsenceRow, "id">,
): Promise<StaffAbsenceRow> {
  return returnedRow(
    await tx
      .insert(staffAbsences)
      .values({ tenantId, ...values })
      .returning(absenceColumns),
  );
}

export async function deleteAbsence(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx
    .delete(staffAbsences)
    .where(and(eq(staffAbsences.tenantId, tenantId), eq(staffAbsences.id, id)));
}
