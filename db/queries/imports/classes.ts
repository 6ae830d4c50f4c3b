import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "../../client";
import { sectionStudents, sections } from "../../schema";
import { bulkInsert, type UpsertedRow, upsertBySourceId } from "./bulk";

/** classes.csv and enrollments.csv: class sections, their rosters and their teachers. */

export type RosterSection = Omit<
  typeof sections.$inferInsert,
  "tenantId" | "id" | "teacherId" | "periods" | "sourceId"
> & { sourceId: string; periods: string[] };

/**
 * Class sections; their teachers are set from enrollments.csv (setSectionTeachers). Returns the
 * sections created or changed, a change of `periods` alone included.
 */
export async function upsertSections(
  tx: Tx,
  tenantId: string,
  rows: readonly RosterSection[],
): Promise<UpsertedRow[]> {
  const written = await upsertBySourceId(
    tx,
    sections,
    rows.map(({ periods: _periods, ...c }) => ({ tenantId, ...c })),
    ["schoolId", "name", "subject"],
  );
  const periodsChanged = await setSectionPeriods(tx, tenantId, rows);
  const seen = new Set(written.map((w) => w.id));
  return [...written, ...periodsChanged.filter((p) => !seen.has(p.id))];
}

/**
 * Sets each section's period labels where they differ. The bulk insert sends one array per
 * column and cannot carry an array per row, so the labels travel as JSON text.
 */
async function setSectionPeriods(
  tx: Tx,
  tenantId: string,
  rows: readonly RosterSection[],
): Promise<UpsertedRow[]> {
  if (rows.length === 0) return [];
  const changed = await tx.execute<{ id: string; source_id: string }>(sql`
    update ${sections} as s set periods = v.periods
    from (
      select u.source_id, array(select jsonb_array_elements_text(u.labels::jsonb)) as periods
      from unnest(${sql.param(rows.map((r) => r.sourceId))}::text[],
                  ${sql.param(rows.map((r) => JSON.stringify(r.periods)))}::text[]) as u(source_id, labels)
    ) as v
    where s.tenant_id = ${tenantId} and s.source_id = v.source_id and s.periods is distinct from v.periods
    returning s.id, s.source_id`);
  return changed.map((r) => ({ id: r.id, sourceId: r.source_id, inserted: false }));
}

export interface RosterPair {
  sectionId: string;
  studentId: string;
}

/** Puts students on class rosters; returns how many were not there yet. */
export async function addToRosters(
  tx: Tx,
  tenantId: string,
  pairs: readonly RosterPair[],
): Promise<number> {
  if (pairs.length === 0) return 0;
  const rows = await tx.execute(sql`
    ${bulkInsert(
      sectionStudents,
      pairs.map((p) => ({ tenantId, ...p })),
    )}
    on conflict do nothing returning t.student_id`);
  return rows.length;
}

export async function removeFromRosters(
  tx: Tx,
  tenantId: string,
  pairs: readonly RosterPair[],
): Promise<number> {
  if (pairs.length === 0) return 0;
  const rows = await tx
    .delete(sectionStudents)
    .where(
      and(
        eq(sectionStudents.tenantId, tenantId),
        sql`(${sectionStudents.sectionId}, ${sectionStudents.studentId}) in (select * from unnest(${sql.param(pairs.map((p) => p.sectionId))}::text[]::uuid[], ${sql.param(pairs.map((p) => p.studentId))}::text[]::uuid[]))`,
      ),
    )
    .returning({ studentId: sectionStudents.studentId });
  return rows.length;
}

/** Every roster row of these sections. */
export async function rostersOf(
  tx: Tx,
  tenantId: string,
  sectionIds: readonly string[],
): Promise<RosterPair[]> {
  if (sectionIds.length === 0) return [];
  return tx
    .select({ sectionId: sectionStudents.sectionId, studentId: sectionStudents.studentId })
    .from(sectionStudents)
    .where(
      and(
        eq(sectionStudents.tenantId, tenantId),
        inArray(sectionStudents.sectionId, [...sectionIds]),
      ),
    );
}

/** Sets each section's teacher (null: none) where it differs; returns the sections changed. */
export async function setSectionTeachers(
  tx: Tx,
  tenantId: string,
  assignments: readonly { sectionId: string; teacherId: string | null }[],
): Promise<string[]> {
  if (assignments.length === 0) return [];
  const rows = await tx.execute<{ id: string }>(sql`
    update ${sections} as s set teacher_id = v.teacher_id
    from unnest(${sql.param(assignments.map((a) => a.sectionId))}::text[]::uuid[],
                ${sql.param(assignments.map((a) => a.teacherId))}::text[]::uuid[]) as v(section_id, teacher_id)
    where s.tenant_id = ${tenantId} and s.id = v.section_id and s.teacher_id is distinct from v.teacher_id
    returning s.id`);
  return rows.map((r) => r.id);
}

/** Each section's current teacher (null: none). */
export async function teachersOf(
  tx: Tx,
  tenantId: string,
  sectionIds: readonly string[],
): Promise<Map<string, string | null>> {
  if (sectionIds.length === 0) return new Map();
  const rows = await tx
    .select({ id: sections.id, teacherId: sections.teacherId })
    .from(sections)
    .where(and(eq(sections.tenantId, tenantId), inArray(sections.id, [...sectionIds])));
  return new Map(rows.map((r) => [r.id, r.teacherId]));
}

/** Takes `staffId` off the section if they are its teacher; returns whether they were. */
export async function clearSectionTeacher(
  tx: Tx,
  tenantId: string,
  sectionId: string,
  staffId: string,
): Promise<boolean> {
  const rows = await tx
    .update(sections)
    .set({ teacherId: null })
    .where(
      and(
        eq(sections.tenantId, tenantId),
        eq(sections.id, sectionId),
        eq(sections.teacherId, staffId),
      ),
    )
    .returning({ id: sections.id });
  return rows.length > 0;
}
