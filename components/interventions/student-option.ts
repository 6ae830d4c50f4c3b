import type { PickedPerson } from "@/components/people/person-picker";
import { gradeLabel } from "./format";

/**
 * A student as the pickers show one. A plain module (not "use client"), so a server page can
 * build the picker's initial selection too (the form prefilled from the at-risk report).
 */
export function studentOption(item: Record<string, unknown>): PickedPerson {
  return {
    id: String(item.id),
    label: `${item.firstName} ${item.lastName}`,
    detail: `Gr ${gradeLabel(Number(item.grade))} · ${item.schoolName} · Tier ${item.currentTier}`,
  };
}
