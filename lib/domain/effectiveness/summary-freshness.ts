import type { LocalDate } from "../calendar/dates";
import { type Actor, NOTE_AUDIENCES, noteReading } from "../policy";

/** What a stored summary was computed from (db/schema/effectiveness.ts). */
export interface SummaryState {
  readonly inputVersion: number;
  readonly computedVersion: number | null;
  readonly districtVersion: number | null;
  readonly computedFor: LocalDate | null;
  readonly validUntil: Date | null;
}

/** What the figures would be computed from now. */
export interface SummaryClock {
  /** The district's inputs version now. */
  readonly districtVersion: number;
  /** Today in the district's time zone. */
  readonly today: LocalDate;
  readonly now: Date;
}

/**
 * Whether a stored summary is what computing the figures now would give: computed from the
 * group's inputs as they are (no write raised input_version since), with the district's inputs
 * as they are, for today (projections, the midpoint and weeks elapsed are counted to today), and
 * before the next not-yet-held session began (it would now count as scheduled to date).
 */
export function isSummaryCurrent(summary: SummaryState, clock: SummaryClock): boolean {
  return (
    summary.computedVersion !== null &&
    summary.computedVersion === summary.inputVersion &&
    summary.districtVersion === clock.districtVersion &&
    summary.computedFor === clock.today &&
    (summary.validUntil === null || clock.now.getTime() < summary.validUntil.getTime())
  );
}

/**
 * Summaries are computed from every note of the group (lib/use-cases/progress/
 * effectiveness-summary.ts): they answer only a reader who may read every note of it, that is
 * whose role alone opens every visibility or who facilitates the group and being its facilitator
 * does. Anyone else gets the figures computed from the notes they may read.
 */
export function readsEveryNote(actor: Pick<Actor, "role">, facilitatesGroup: boolean): boolean {
  const { unrelated, byRelation } = noteReading(actor);
  return (
    unrelated.length === NOTE_AUDIENCES.length ||
    (facilitatesGroup && byRelation.facilitatesIntervention.length === NOTE_AUDIENCES.length)
  );
}
