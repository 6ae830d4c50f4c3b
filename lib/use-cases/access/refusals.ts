import { ForbiddenError } from "@/lib/domain/errors";
import {
  type Actor,
  type InterventionAccess,
  mayRunSessions,
  seesAllStudents,
} from "@/lib/domain/policy";

/** After a loader found the group: a 403 for those who may see it but not run it. */
export function requireRunAccess(access: InterventionAccess): void {
  if (!mayRunSessions(access)) {
    throw new ForbiddenError(
      "Only the group's facilitators and intervention specialists record and change its sessions.",
    );
  }
}

/**
 * Screening data (the catalogue, results, the at-risk report) covers every student of the
 * district, so only the roles that see every student — specialists and admins — work with it.
 */
export function assertWorksWithScreening(actor: Pick<Actor, "role">): void {
  if (!seesAllStudents(actor)) {
    throw new ForbiddenError(
      "Only intervention specialists and district admins work with screening data.",
    );
  }
}
