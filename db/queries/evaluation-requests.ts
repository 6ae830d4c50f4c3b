import { and, asc, desc, eq } from "drizzle-orm";
import type { Tx } from "../client";
import { evaluationRequests, schools, students, users } from "../schema";
import { returnedRow } from "./returned-row";
import { tenantJoin } from "./tenant-join";

const requestColumns = {
  id: evaluationRequests.id,
  studentId: evaluationRequests.studentId,
  requestedOn: evaluationRequests.requestedOn,
  requesterKind: evaluationRequests.requesterKind,
  requesterName: evaluationRequests.requesterName,
  note: evaluationRequests.note,
  status: evaluationRequests.status,
  response: evaluationRequests.response,
  respondedAt: evaluationRequests.respondedAt,
  respondedByName: users.name,
  createdAt: evaluationRequests.createdAt,
};

export type EvaluationRequestRow = Awaited<ReturnType<typeof evaluationRequestsOf>>[number];

export async function insertEvaluationRequest(
  tx: Tx,
  row: typeof evaluationRequests.$inferInsert,
): Promise<string> {
  return returnedRow(
    await tx.insert(evaluationRequests).values(row).returning({ id: evaluationRequests.id }),
  ).id;
}

/** A student's requests for an evaluation, newest first. */
export async function evaluationRequestsOf(tx: Tx, tenantId: string, studentId: string) {
  return tx
    .select(requestColumns)
    .from(evaluationRequests)
    .leftJoin(users, tenantJoin(users.id, evaluationRequests.respondedBy))
    .where(
      and(eq(evaluationRequests.tenantId, tenantId), eq(evaluationRequests.studentId, studentId)),
    )
    .orderBy(desc(evaluationRequests.requestedOn), desc(evaluationRequests.createdAt));
}

export async function evaluationRequestById(tx: Tx, tenantId: string, id: string) {
  const [row] = await tx
    .select(requestColumns)
    .from(evaluationRequests)
    .leftJoin(users, tenantJoin(users.id, evaluationRequests.respondedBy))
    .where(and(eq(evaluationRequests.tenantId, tenantId), eq(evaluationRequests.id, id)));
  return row ?? null;
}

/** The district's requests still waiting for an answer, oldest first: the team's dashboard list. */
export async function openEvaluationRequests(tx: Tx, tenantId: string) {
  return tx
    .select({
      id: evaluationRequests.id,
      studentId: evaluationRequests.studentId,
      firstName: students.firstName,
      lastName: students.lastName,
      grade: students.grade,
      schoolName: schools.name,
      requestedOn: evaluationRequests.requestedOn,
      requesterKind: evaluationRequests.requesterKind,
      requesterName: evaluationRequests.requesterName,
      note: evaluationRequests.note,
    })
    .from(evaluationRequests)
    .innerJoin(students, tenantJoin(students.id, evaluationRequests.studentId))
    .innerJoin(schools, tenantJoin(schools.id, students.schoolId))
    .where(and(eq(evaluationRequests.tenantId, tenantId), eq(evaluationRequests.status, "open")))
    .orderBy(asc(evaluationRequests.requestedOn), asc(evaluationRequests.createdAt));
}

/** Writes the answer to an open request; false when it was already answered. */
export async function answerEvaluationRequest(
  tx: Tx,
  tenantId: string,
  id: string,
  answer: { response: string; respondedBy: string; respondedAt: Date },
): Promise<boolean> {
  const rows = await tx
    .update(evaluationRequests)
    .set({ ...answer, status: "answered" })
    .where(
      and(
        eq(evaluationRequests.tenantId, tenantId),
        eq(evaluationRequests.id, id),
        eq(evaluationRequests.status, "open"),
      ),
    )
    .returning({ id: evaluationRequests.id });
  return rows.length > 0;
}
