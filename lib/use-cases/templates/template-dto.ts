import type { StoredTemplate } from "@/db/queries/templates";
import type { TemplateDto } from "@/lib/domain/templates/schemas";

export function toTemplateDto(row: StoredTemplate): TemplateDto {
  return {
    id: row.id,
    name: row.name,
    tier: row.tier,
    focusArea: row.focusArea,
    description: row.description,
    durationWeeks: row.durationWeeks,
    daysPerWeek: row.daysPerWeek,
    sessionMinutes: row.sessionMinutes,
    groupSize: { min: row.groupSizeMin, max: row.groupSizeMax },
    activities: row.activities,
    resources: row.resources,
    measure: row.measureName
      ? { name: row.measureName, unit: row.measureUnit, direction: row.measureDirection }
      : null,
    goalValue: row.goalValue,
    goal: row.goal,
    entranceCriteria: row.entranceCriteria,
    exitCriteria: row.exitCriteria,
    scope: row.ownerUserId === null ? "district" : "personal",
    ownerUserId: row.ownerUserId,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
