import type { InterventionRow } from "@/db/queries/interventions/visible";
import type { Weekday } from "@/lib/domain/calendar/dates";
import type { Budget } from "@/lib/domain/scheduling/budget";

/** The API's Intervention resource (the API reference: lib/api/routes/). */
export interface InterventionDto {
  id: string;
  name: string;
  tier: number;
  focusArea: string;
  status: string;
  description: string | null;
  goal: string | null;
  startDate: string;
  endDate: string;
  durationWeeks: number;
  schedule: { days: Weekday[]; startTime: string; minutes: number };
  frequency: string;
  facilitatorIds: string[];
  roomId: string | null;
  /** The template the group was started from, if any (Scenario 10). */
  templateId: string | null;
  enrolledCount: number;
  sessionCount: number;
  nextSessionAt: string | null;
  version: number;
  createdAt: string;
  /**
   * Budget impact (docs/domain.md, "Budget impact"): only `GET /interventions/{id}` and the
   * group page fill it, for those who manage the group; `null` for everyone else.
   */
  budget?: Budget | null;
}

type SummaryRow = Omit<
  InterventionRow,
  "facilitates" | "teachesEnrolledStudent" | "guardianOfEnrolledStudent"
>;

export function toInterventionDto(row: SummaryRow): InterventionDto {
  return {
    id: row.id,
    name: row.name,
    tier: row.tier,
    focusArea: row.focusArea,
    status: row.status,
    description: row.description,
    goal: row.goal,
    startDate: row.startDate,
    endDate: row.endDate,
    durationWeeks: row.durationWeeks,
    schedule: {
      days: row.scheduleDays as Weekday[],
      startTime: row.startTime,
      minutes: row.sessionMinutes,
    },
    frequency: row.frequency,
    facilitatorIds: row.facilitatorIds,
    roomId: row.roomId,
    templateId: row.templateId,
    enrolledCount: row.enrolledCount,
    sessionCount: row.sessionCount,
    nextSessionAt: row.nextSessionAt ? new Date(row.nextSessionAt).toISOString() : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}
