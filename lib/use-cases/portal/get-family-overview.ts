import { communicationsToGuardian } from "@/db/queries/communications/letters";
import { childrenOfGuardian } from "@/db/queries/guardian-links";
import { facilitatorsOf } from "@/db/queries/interventions/details";
import { upcomingSessions } from "@/db/queries/portal/sessions";
import { readableNotesWhere } from "@/db/queries/progress/notes";
import { enrollmentsWithSchedule } from "@/db/queries/students";
import { withTenant } from "@/db/with-tenant";
import { ForbiddenError } from "@/lib/domain/errors";
import { isFamily } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";
import { toFamilyNote } from "./family-views";

/** The home page shows the few newest notes per child; the child's page has them all. */
const NEWEST_NOTES_SHOWN = 3;
/** The next sessions shown per child, across their groups. */
const NEXT_SESSIONS_SHOWN = 5;

/**
 * The family portal's home: each of the parent's children (not those an admin restricted this
 * guardian from) with their current groups and whom to contact, the newest progress notes shared
 * with the family, the next sessions, and the letters and summaries sent to this guardian about
 * them, whole (where the district e-mails only a notice, they are read here).
 */
export async function getFamilyOverview(ctx: UseCaseContext) {
  const { actor } = ctx;
  const { guardianId, tenantId } = actor;
  if (!isFamily(actor) || !guardianId) throw new ForbiddenError();
  return withTenant(ctx.db, actor, async (tx) => {
    // Only the children this guardian is not restricted from (db/queries/guardian-links.ts).
    const children = await childrenOfGuardian(tx, tenantId, guardianId);
    const childIds = children.map((c) => c.id);
    // Notes go through the same visibility filter as everywhere else: a parent reads only
    // notes marked "family" of their own children (lib/domain/policy/note-visibility.ts).
    const [enrollments, letters, notes] = await Promise.all([
      enrollmentsWithSchedule(tx, tenantId, childIds),
      communicationsToGuardian(tx, tenantId, guardianId, childIds),
      Promise.all(
        childIds.map((studentId) =>
          readableNotesWhere(tx, actor, { studentId, limit: NEWEST_NOTES_SHOWN }),
        ),
      ),
    ]);
    const current = enrollments.filter((e) => e.isActive && e.status !== "cancelled");
    const groupIds = [...new Set(current.map((e) => e.interventionId))];
    const sessions = await upcomingSessions(tx, tenantId, groupIds, ctx.now(), NEXT_SESSIONS_SHOWN);
    const facilitators = new Map<string, Awaited<ReturnType<typeof facilitatorsOf>>>();
    for (const interventionId of groupIds) {
      facilitators.set(interventionId, await facilitatorsOf(tx, tenantId, interventionId));
    }
    return children.map((child, index) => {
      const groups = current.filter((e) => e.studentId === child.id);
      const names = new Map(groups.map((g) => [g.interventionId, g.name]));
      return {
        ...child,
        interventions: groups.map((e) => ({
          ...e,
          facilitators: facilitators.get(e.interventionId) ?? [],
        })),
        notes: (notes[index] ?? []).map(toFamilyNote),
        nextSessions: sessions
          .filter((s) => names.has(s.interventionId))
          .slice(0, NEXT_SESSIONS_SHOWN)
          .map((s) => ({ ...s, interventionName: names.get(s.interventionId)! })),
        letters: letters.filter((l) => l.studentId === child.id),
      };
    });
  });
}
