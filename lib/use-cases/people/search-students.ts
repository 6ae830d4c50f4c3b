import { searchStudents as queryStudents } from "@/db/queries/people";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError } from "@/lib/domain/errors";
import { canSearchPeople, seesAllStudents } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";

/** A staff user without a staff record is connected to no student. */
const NO_STAFF_RECORD = "00000000-0000-0000-0000-000000000000";

export interface StudentQuery {
  q?: string;
  schoolId?: string;
  grade?: number;
  limit: number;
  offset: number;
}

/**
 * Students for pickers and integrations. Specialists and admins search the district; teachers
 * and facilitators only find students on their rosters or in their groups.
 */
export async function searchStudents(ctx: UseCaseContext, query: StudentQuery) {
  if (!canSearchPeople(ctx.actor)) throw new ForbiddenError();
  const visibleToStaffId = seesAllStudents(ctx.actor)
    ? null
    : (ctx.actor.staffId ?? NO_STAFF_RECORD);
  return withTenant(ctx.db, ctx.actor, (tx) =>
    queryStudents(tx, ctx.actor.tenantId, { ...query, visibleToStaffId }),
  );
}
