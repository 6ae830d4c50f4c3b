import type { SegmentVerdict } from "@/lib/domain/progress/timeline";

/** The decision rule's verdict as a heading a specialist can act on. */
export const VERDICT_LABELS: Record<SegmentVerdict, string> = {
  "insufficient-data": "Not enough data yet",
  "raise-goal": "Raise the goal",
  "change-intervention": "Change the intervention",
  continue: "Continue the intervention",
  "improve-fidelity": "Improve fidelity first",
  "no-goal": "No goal set",
};

export const VERDICT_STYLES: Record<SegmentVerdict, string> = {
  "insufficient-data": "border-slate-300 bg-slate-50",
  "raise-goal": "border-emerald-300 bg-emerald-50",
  "change-intervention": "border-red-300 bg-red-50",
  continue: "border-sky-300 bg-sky-50",
  "improve-fidelity": "border-amber-300 bg-amber-50",
  "no-goal": "border-slate-300 bg-slate-50",
};
