import { resultsOfStudent } from "@/db/queries/assessments";
import { recordRead } from "@/db/queries/audit";
import { communicationsToGuardian } from "@/db/queries/communications/letters";
import { studentWithSchool } from "@/db/queries/students";
import { withTenant } from "@/db/with-tenant";
import { NotFoundError } from "@/lib/domain/errors";
import { catalogueOf, recommend } from "@/lib/domain/reports/assessment-catalogue";
import { visibleStudent } from "../access";
import type { UseCaseContext } from "../context";
import { tierHistoryFor } from "../tiers/tier-history";
import { enrollmentViews } from "./student-record";

/**
 * The student page: current and past interventions with schedule and attendance, tier and its
 * history, and — for staff — the latest screening scores; for a parent, the letters they were
 * sent about this child. Only what the viewer's role may see (see visibleStudent).
 */
export async function getStudentProfile(ctx: UseCaseContext, studentId: string) {
  const { actor } = ctx;
  return withTenant(ctx.db, actor, async (tx) => {
    const audience = await visibleStudent(tx, actor, studentId);
    const student = await studentWithSchool(tx, actor.tenantId, studentId);
    if (!student) throw new NotFoundError("Student");
    const enrollments = await enrollmentViews(tx, actor.tenantId, studentId);
    const tierHistory = await tierHistoryFor(tx, actor.tenantId, studentId, audience);
    const family = audience === "family";

    // Screening data is the staff's working data; a family learns of progress through the notes shared with it.
    const results = family ? [] : await resultsOfStudent(tx, actor.tenantId, studentId);
    const latest = new Map<string, (typeof results)[number]>();
    for (const r of results) if (!latest.has(r.assessmentId)) latest.set(r.assessmentId, r);
    const scores = [...latest.values()].map((r) => ({
      assessmentName: r.assessmentName,
      subject: r.subject,
      schoolYear: r.schoolYear,
      window: r.window,
      administeredOn: r.administeredOn,
      score: r.score,
      percentile: r.percentile,
      recommendedTier: recommend(catalogueOf(r.cutScores), r.window, student.grade, r.score).tier,
    }));
    const letters =
      family && actor.guardianId
        ? await communicationsToGuardian(tx, actor.tenantId, actor.guardianId, [studentId])
        : [];
    await recordRead(tx, actor, ctx.requestId, {
      entityType: "student",
      entityId: studentId,
      studentId,
      details: { view: "profile" },
    });
    return {
      audience,
      student,
      current: enrollments.filter((e) => e.current),
      past: enrollments.filter((e) => !e.current),
      tierHistory,
      scores,
      letters,
    };
  });
}
