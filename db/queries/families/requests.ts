import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Tx } from "../../client";
import {
  familyRequests,
  guardians,
  interventionEnrollments,
  interventionFacilitators,
  schools,
  students,
  users,
} from "../../schema";
import { qualified } from "../qualified";
import { returnedRow } from "../returned-row";
import { tenantJoin } from "../tenant-join";

/* The family's questions and amendment requests (issue 13, point 3), and the team's answers. */

const requestColumns = {
  id: familyRequests.id,
  studentId: familyRequests.studentId,
  kind: familyRequests.kind,
  body: familyRequests.body,
  status: familyRequests.status,
  /** The guardian who asked, by name; null once the guardian record is gone. */
  askedByName: sql<
    string | null
  >`nullif(concat_ws(' ', ${guardians.firstName}, ${guardians.lastName}), '')`,
  answer: familyRequests.answer,
  answeredAt: familyRequests.answeredAt,
  answeredByName: users.name,
  createdAt: familyRequests.createdAt,
};

export async function insertFamilyRequest(
  tx: Tx,
  row: typeof familyRequests.$inferInsert,
): Promise<string> {
  return returnedRow(
    await tx.insert(familyRequests).values(row).returning({ id: familyRequests.id }),
  ).id;
}

/**
 * A child's requests, newest first; `fromGuardian` narrows them to what one guardian asked, null
 * is every guardian's (the team's view).
 */
export async function familyRequestsOf(
  tx: Tx,
  tenantId: string,
  studentId: string,
  fromGuardian: string | null,
) {
  return tx
    .select(requestColumns)
    .from(familyRequests)
    .leftJoin(guardians, tenantJoin(guardians.id, familyRequests.guardianId))
    .leftJoin(users, tenantJoin(users.id, familyRequests.answeredBy))
    .where(
      and(
        eq(familyRequests.tenantId, tenantId),
        eq(familyRequests.studentId, studentId),
        fromGuardian === null ? undefined : eq(familyRequests.guardianId, fromGuardian),
      ),
    )
    .orderBy(desc(familyRequests.createdAt), desc(familyRequests.id));
}

export async function familyRequestById(tx: Tx, tenantId: string, id: string) {
  const [row] = await tx
    .select(requestColumns)
    .from(familyRequests)
    .leftJoin(guardians, tenantJoin(guardians.id, familyRequests.guardianId))
    .leftJoin(users, tenantJoin(users.id, familyRequests.answeredBy))
    .where(and(eq(familyRequests.tenantId, tenantId), eq(familyRequests.id, id)));
  return row ?? null;
}

/** The request's child is in a group the staff member facilitates, now or before. */
function facilitatedBy(staffId: string) {
  return sql<boolean>`exists (select 1 from ${interventionEnrollments} e
    join ${interventionFacilitators} f on f.tenant_id = e.tenant_id
      and f.intervention_id = e.intervention_id and f.staff_id = ${staffId}
    where e.tenant_id = ${qualified(familyRequests.tenantId)}
      and e.student_id = ${qualified(familyRequests.studentId)})`;
}

/**
 * The requests still waiting for an answer, oldest first: the team's dashboard list. With
 * `facilitatorStaffId`, only those about the children of that person's groups.
 */
export async function openFamilyRequests(
  tx: Tx,
  tenantId: string,
  filter: { facilitatorStaffId?: string } = {},
) {
  return tx
    .select({
      id: familyRequests.id,
      studentId: familyRequests.studentId,
      firstName: students.firstName,
      lastName: students.lastName,
      schoolName: schools.name,
      kind: familyRequests.kind,
      body: familyRequests.body,
      askedByName: requestColumns.askedByName,
      createdAt: familyRequests.createdAt,
    })
    .from(familyRequests)
    .innerJoin(students, tenantJoin(students.id, familyRequests.studentId))
    .innerJoin(schools, tenantJoin(schools.id, students.schoolId))
    .leftJoin(guardians, tenantJoin(guardians.id, familyRequests.guardianId))
    .where(
      and(
        eq(familyRequests.tenantId, tenantId),
        eq(familyRequests.status, "open"),
        filter.facilitatorStaffId === undefined
          ? undefined
          : facilitatedBy(filter.facilitatorStaffId),
      ),
    )
    .orderBy(asc(familyRequests.createdAt), asc(familyRequests.id));
}

/** Writes the answer to an open request; false when it was already answered. */
export async function answerFamilyRequest(
  tx: Tx,
  tenantId: string,
  id: string,
  answer: { answer: string; answeredBy: string; answeredAt: Date },
): Promise<boolean> {
  const rows = await tx
    .update(familyRequests)
    .set({ ...answer, status: "answered" })
    .where(
      and(
        eq(familyRequests.tenantId, tenantId),
        eq(familyRequests.id, id),
        eq(familyRequests.status, "open"),
      ),
    )
    .returning({ id: familyRequests.id });
  return rows.length > 0;
}
