import { and, asc, eq, inArray, isNotNull, isNull, ne, or, sql } from "drizzle-orm";
import type { Tx } from "../client";
import {
  exitReviews,
  interventionEnrollments,
  interventionFacilitators,
  interventions,
  interventionTemplates,
  probeScores,
  progressNotes,
  users,
} from "../schema";
import { noteReadingColumns, probeScoreColumns } from "./effectiveness-inputs";
import { returnedRow } from "./returned-row";
import { ofGroups } from "./tenant-row";

/** Intervention templates (Scenario 10): the reads and writes of lib/use-cases/templates. */

export type StoredTemplate = typeof interventionTemplates.$inferSelect;

/**
 * The templates a person may start a group from: the district's (no owner) and their own
 * personal ones; district first, then by name.
 */
export async function usableTemplates(
  tx: Tx,
  tenantId: string,
  userId: string,
): Promise<StoredTemplate[]> {
  const t = interventionTemplates;
  return tx
    .select()
    .from(t)
    .where(and(eq(t.tenantId, tenantId), or(isNull(t.ownerUserId), eq(t.ownerUserId, userId))))
    .orderBy(sql`${t.ownerUserId} is not null`, asc(t.name), asc(t.id));
}

/**
 * The personal templates of everyone but `exceptUserId`, with their owners' names: what an
 * admin may share with the district. By owner, then name.
 */
export async function othersPersonalTemplates(
  tx: Tx,
  tenantId: string,
  exceptUserId: string,
): Promise<(StoredTemplate & { ownerName: string })[]> {
  const t = interventionTemplates;
  const rows = await tx
    .select({ template: t, ownerName: users.name })
    .from(t)
    .innerJoin(users, and(eq(users.tenantId, t.tenantId), eq(users.id, t.ownerUserId)))
    .where(and(eq(t.tenantId, tenantId), isNotNull(t.ownerUserId), ne(t.ownerUserId, exceptUserId)))
    .orderBy(asc(users.name), asc(t.name), asc(t.id));
  return rows.map((row) => ({ ...row.template, ownerName: row.ownerName }));
}

/** One template of the district, whoever owns it (the use-case decides who may see it). */
export async function findTemplate(
  tx: Tx,
  tenantId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<StoredTemplate | null> {
  const t = interventionTemplates;
  const query = tx
    .select()
    .from(t)
    .where(and(eq(t.tenantId, tenantId), eq(t.id, id)));
  const [row] = options.lock ? await query.for("update") : await query;
  return row ?? null;
}

export async function insertTemplate(
  tx: Tx,
  template: typeof interventionTemplates.$inferInsert,
): Promise<StoredTemplate> {
  return returnedRow(await tx.insert(interventionTemplates).values(template).returning());
}

/** Applies the changes and bumps the version, only if nobody did since `expectedVersion`. */
export async function updateTemplateRow(
  tx: Tx,
  tenantId: string,
  id: string,
  expectedVersion: number,
  changes: Partial<StoredTemplate>,
  now: Date,
): Promise<StoredTemplate | null> {
  const t = interventionTemplates;
  const [row] = await tx
    .update(t)
    .set({ ...changes, version: expectedVersion + 1, updatedAt: now })
    .where(and(eq(t.tenantId, tenantId), eq(t.id, id), eq(t.version, expectedVersion)))
    .returning();
  return row ?? null;
}

/**
 * What a template's record is computed from (lib/use-cases/templates/template-record.ts): every
 * group started from one of `templateIds`, with its facilitator count, everyone ever enrolled,
 * its probe scores, the measure readings of its notes and the students whose exit was approved.
 * Notes are read whatever their
 * audience: only pooled figures leave the record, never a note or a student.
 */
export async function templateOutcomeRows(tx: Tx, tenantId: string, templateIds: string[]) {
  if (templateIds.length === 0)
    return { groups: [], enrollments: [], probes: [], readings: [], exits: [] };
  const i = interventions;
  const groups = await tx
    .select({
      id: i.id,
      templateId: i.templateId,
      status: i.status,
      startDate: i.startDate,
      endDate: i.endDate,
      durationWeeks: i.durationWeeks,
      scheduleDays: i.scheduleDays,
      sessionMinutes: i.sessionMinutes,
      measureName: i.measureName,
      measureDirection: i.measureDirection,
      goalValue: i.goalValue,
      facilitatorCount: sql<number>`(select count(*)::int from ${interventionFacilitators} f
        where f.tenant_id = ${i.tenantId} and f.intervention_id = ${i.id})`,
    })
    .from(i)
    .where(and(eq(i.tenantId, tenantId), inArray(i.templateId, templateIds)))
    .orderBy(asc(i.startDate), asc(i.id));
  const groupIds = groups.map((g) => g.id);
  if (groupIds.length === 0)
    return { groups, enrollments: [], probes: [], readings: [], exits: [] };
  const [enrollments, probes, readings, exits] = await Promise.all([
    tx
      .selectDistinct({
        interventionId: interventionEnrollments.interventionId,
        studentId: interventionEnrollments.studentId,
      })
      .from(interventionEnrollments)
      .where(ofGroups(interventionEnrollments, tenantId, groupIds)),
    tx
      .select(probeScoreColumns)
      .from(probeScores)
      .where(and(eq(probeScores.tenantId, tenantId), inArray(probeScores.interventionId, groupIds)))
      .orderBy(asc(probeScores.scoreDate), asc(probeScores.createdAt)),
    tx
      .select(noteReadingColumns)
      .from(progressNotes)
      .where(
        and(
          ofGroups(progressNotes, tenantId, groupIds),
          isNotNull(progressNotes.measureName),
          isNotNull(progressNotes.measureValue),
        ),
      )
      .orderBy(asc(progressNotes.noteDate), asc(progressNotes.createdAt)),
    // Students whose exit was approved (the exit flow writes exit_reviews; read only here).
    tx
      .selectDistinct({
        interventionId: exitReviews.interventionId,
        studentId: exitReviews.studentId,
      })
      .from(exitReviews)
      .where(and(ofGroups(exitReviews, tenantId, groupIds), eq(exitReviews.status, "approved"))),
  ]);
  return { groups, enrollments, probes, readings, exits };
}
