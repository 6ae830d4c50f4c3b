import { measureKey } from "../progress/timeline";

/**
 * The typical weekly rate of improvement of a measure, which a template's median rate of
 * improvement is read against (issue 12 item 4). The codebase keeps no growth norms, so this is
 * a small table of the measures the demo library uses (scripts/seed/template-library.ts), with
 * the published "realistic" weekly growth of curriculum-based measures:
 *
 * - Words correct per minute (oral reading fluency): 1.0 a week, grade 3 (Fuchs, Fuchs,
 *   Hamlett, Walz & Germann, "Formative evaluation of academic progress: how much growth can we
 *   expect?", School Psychology Review 22(1), 1993; grades 1–6 run 2.0, 1.5, 1.0, 0.85, 0.5, 0.3).
 *   Grade 3 because the demo's groups are third graders; one number a measure, not a grade table.
 * - Math computation correct digits: 0.3 a week, grades 1–3 (the same study).
 * - Maze comprehension: 0.39 correct replacements a week, grades 1–6 (Fuchs & Fuchs,
 *   "Identifying a measure for monitoring student reading progress", School Psychology
 *   Review 21(1), 1992).
 *
 * Nonsense word fluency and math facts correct per minute have no figure here: their growth
 * norms vary with the publisher's form, so their median is shown alone, not compared.
 */
const TYPICAL_WEEKLY_GROWTH: Readonly<Record<string, number>> = {
  [measureKey("Words correct per minute")]: 1.0,
  [measureKey("Math computation correct digits")]: 0.3,
  [measureKey("Maze comprehension")]: 0.39,
};

/** Null for a measure the table does not know: "not compared", never a made-up norm. */
export function typicalWeeklyGrowth(measureName: string | null): number | null {
  if (measureName === null) return null;
  return TYPICAL_WEEKLY_GROWTH[measureKey(measureName)] ?? null;
}
