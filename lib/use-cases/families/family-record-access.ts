import type { Tx } from "@/db/client";
import { guardianLink } from "@/db/queries/guardian-links";
import { studentConnection } from "@/db/queries/progress/readable";
import { NotFoundError } from "@/lib/domain/errors";
import {
  type Actor,
  type FamilyRecordTie,
  familyRecordReach,
  readsFamilyRecord,
} from "@/lib/domain/policy";

/**
 * The child, and how the actor is tied to them, for the family's part of the record (disclosure
 * log, messages to the family, family requests). Whoever may not read it — another district,
 * another family, a restricted guardian, a teacher or a facilitator of other groups — gets 404,
 * exactly as for a child who does not exist.
 */
export async function loadFamilyRecord(
  tx: Tx,
  actor: Actor,
  studentId: string,
  /** What the 404 names: a request reached by its own id must not reveal that its child exists. */
  notFound = "Student",
) {
  const connection = await studentConnection(tx, actor, studentId);
  if (!connection) throw new NotFoundError(notFound);
  const tie: FamilyRecordTie = {
    guardianOfStudent:
      actor.guardianId !== null &&
      connection.guardianOfStudent &&
      (await isOpenLink(tx, actor.tenantId, studentId, actor.guardianId)),
    facilitatesStudent: connection.facilitatedInterventionIds.length > 0,
  };
  if (!readsFamilyRecord(actor, tie)) throw new NotFoundError(notFound);
  return {
    student: {
      id: connection.id,
      firstName: connection.firstName,
      lastName: connection.lastName,
    },
    tie,
    guardianFilter: guardianFilterOf(actor, notFound),
  };
}

/**
 * The guardian tie of studentConnection knows no restriction: a link an admin restricted
 * (recordContactRestriction) counts as no link here, as for letters and the portal's children.
 */
async function isOpenLink(tx: Tx, tenantId: string, studentId: string, guardianId: string) {
  const link = await guardianLink(tx, tenantId, studentId, guardianId);
  return link !== null && !link.contactRestricted;
}

/**
 * Whose messages and requests the actor reads: a guardian's own (their id), or every guardian's
 * (null). A family account without a guardian record reads nothing rather than everything.
 */
function guardianFilterOf(actor: Actor, notFound: string): string | null {
  if (familyRecordReach(actor) === "every-guardian") return null;
  if (actor.guardianId === null) throw new NotFoundError(notFound);
  return actor.guardianId;
}
