import { ForbiddenError } from "@/lib/domain/errors";
import { type Actor, seesAllStudents } from "@/lib/domain/policy";

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
