import { listAssessments as queryAssessments } from "@/db/queries/assessments";
import { withTenant } from "@/db/with-tenant";
import { catalogueOf } from "@/lib/domain/reports/assessment-catalogue";
import { assertWorksWithScreening } from "../access";
import type { UseCaseContext } from "../context";

export interface AssessmentDto {
  id: string;
  name: string;
  subject: string;
  scaleMin: number;
  scaleMax: number;
  /** As stored: `{ window?, grade?, tier1Min, tier2Min }`; the defaults apply where none matches. */
  cutScores: {
    window?: string | null;
    grade?: string | null;
    tier1Min: number;
    tier2Min: number;
  }[];
}

/** The district's assessment catalogue. */
export async function listAssessments(ctx: UseCaseContext): Promise<AssessmentDto[]> {
  assertWorksWithScreening(ctx.actor);
  const rows = await withTenant(ctx.db, ctx.actor, (tx) =>
    queryAssessments(tx, ctx.actor.tenantId),
  );
  return rows.map(toAssessmentDto);
}

export function toAssessmentDto(row: {
  id: string;
  name: string;
  subject: string;
  scaleMin: number;
  scaleMax: number;
  cutScores: unknown;
}): AssessmentDto {
  return {
    id: row.id,
    name: row.name,
    subject: row.subject,
    scaleMin: row.scaleMin,
    scaleMax: row.scaleMax,
    cutScores: catalogueOf(row.cutScores).map((e) => ({
      window: e.window ?? null,
      grade: e.grade ?? null,
      tier1Min: e.cuts.tier1Min,
      tier2Min: e.cuts.tier2Min,
    })),
  };
}
