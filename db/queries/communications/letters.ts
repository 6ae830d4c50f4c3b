import { and, desc, eq, inArray } from "drizzle-orm";
import type { Tx } from "../../client";
import { communications, districts, interventions } from "../../schema";
import { facilitatorsOf } from "../interventions/details";

/**
 * Letters to families: what a letter says about a group, and what a guardian was sent. Who
 * receives one is db/queries/guardian-links.ts → reachableGuardians (no restricted guardian).
 */

/** The intervention as a letter describes it, with its district and first facilitator. */
export async function letterContext(tx: Tx, tenantId: string, interventionId: string) {
  const [row] = await tx
    .select({
      id: interventions.id,
      name: interventions.name,
      focusArea: interventions.focusArea,
      description: interventions.description,
      goal: interventions.goal,
      scheduleDays: interventions.scheduleDays,
      startTime: interventions.startTime,
      sessionMinutes: interventions.sessionMinutes,
      startDate: interventions.startDate,
      endDate: interventions.endDate,
      durationWeeks: interventions.durationWeeks,
      districtName: districts.name,
      districtTimeZone: districts.timeZone,
      districtSettings: districts.settings,
    })
    .from(interventions)
    .innerJoin(districts, eq(districts.id, interventions.tenantId))
    .where(and(eq(interventions.tenantId, tenantId), eq(interventions.id, interventionId)));
  if (!row) return null;
  // The letter names the group's first facilitator as the family's contact.
  const [first] = await facilitatorsOf(tx, tenantId, interventionId);
  const facilitator = first
    ? { name: first.displayName, email: first.email, phone: first.phone }
    : null;
  return { ...row, facilitator };
}

/**
 * The letters a guardian was sent about these children, newest first, whole: the portal, and a
 * parent's view of a student's page.
 */
export async function communicationsToGuardian(
  tx: Tx,
  tenantId: string,
  guardianId: string,
  studentIds: string[],
) {
  if (studentIds.length === 0) return [];
  return tx
    .select({
      id: communications.id,
      kind: communications.kind,
      studentId: communications.studentId,
      subject: communications.subject,
      body: communications.body,
      language: communications.language,
      status: communications.status,
      createdAt: communications.createdAt,
      sentAt: communications.sentAt,
    })
    .from(communications)
    .where(
      and(
        eq(communications.tenantId, tenantId),
        eq(communications.guardianId, guardianId),
        inArray(communications.studentId, studentIds),
      ),
    )
    .orderBy(desc(communications.createdAt));
}
