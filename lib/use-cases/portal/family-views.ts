import type { NoteRow } from "@/db/queries/progress/notes";
import { type FamilyStanding, familyStanding } from "@/lib/domain/families/standing";
import type { CalendarDate } from "@/lib/domain/progress/calendar-date";
import type { MeasureTimeline } from "@/lib/domain/progress/timeline";
import type { ProgressRating } from "@/lib/domain/sessions/schemas";
import { noteMeasure } from "../progress/note-dto";

/**
 * What the family portal shows of the team's records, shaped for a parent: a note without its
 * audience, version or editing trail, and progress as readings against the goal line with a
 * standing in plain words instead of the decision rule's verdict, explanation, trend and
 * projection (the team's working data).
 */

export interface FamilyNote {
  id: string;
  interventionId: string;
  interventionName: string;
  date: CalendarDate;
  observation: string;
  measure: { name: string; value: number; unit: string | null } | null;
  nextSteps: string | null;
  progressRating: ProgressRating | null;
  authorName: string | null;
}

/** A note the family may read (the caller read it through the visibility filter), for the portal. */
export function toFamilyNote(row: NoteRow): FamilyNote {
  return {
    id: row.id,
    interventionId: row.interventionId,
    interventionName: row.interventionName,
    date: row.noteDate,
    observation: row.observation,
    measure: noteMeasure(row),
    nextSteps: row.nextSteps,
    progressRating: row.progressRating,
    authorName: row.authorName,
  };
}

interface FamilyReading {
  date: CalendarDate;
  value: number;
}

/** One measure of one group as the family's chart draws it and the sentence under it says it. */
export interface FamilyMeasureProgress {
  name: string;
  unit: string | null;
  readings: FamilyReading[];
  /** From the baseline at the group's start to the goal at its end; null without a goal. */
  goalLine: { from: FamilyReading; to: FamilyReading } | null;
  goal: number | null;
  /** The day the goal is for: the group's end date. */
  goalDate: CalendarDate;
  latest: FamilyReading | null;
  standing: FamilyStanding;
}

/**
 * One group's measures out of the student's timelines (lib/domain/progress/timeline.ts), which
 * the caller built from what the family may read: each measure with readings in this group,
 * its readings in this group only, and that group's goal line and standing.
 */
export function familyMeasuresOf(
  measures: readonly MeasureTimeline[],
  group: { id: string; endDate: CalendarDate },
): FamilyMeasureProgress[] {
  return measures.flatMap((measure) => {
    const segment = measure.segments.find((s) => s.interventionId === group.id);
    if (!segment) return [];
    const readings = measure.points
      .filter((p) => p.interventionId === group.id)
      .map((p) => ({ date: p.date, value: p.value }));
    return [
      {
        name: measure.name,
        unit: measure.unit,
        readings,
        goalLine: segment.aimLine
          ? {
              from: { date: segment.aimLine.from.date, value: segment.aimLine.from.value },
              to: { date: segment.aimLine.to.date, value: segment.aimLine.to.value },
            }
          : null,
        goal: segment.goal,
        goalDate: group.endDate,
        latest: readings.at(-1) ?? null,
        standing: familyStanding(segment.decision.verdict),
      },
    ];
  });
}
