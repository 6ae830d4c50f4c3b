import { DEFAULT_FOLLOW_UP_SETTINGS, type FollowUpSettings } from "../attendance";
import { z } from "../zod";

const thresholdSchema = z.number().int().min(1).max(100);

function threshold(value: unknown, fallback: number): number {
  const parsed = thresholdSchema.safeParse(value);
  return parsed.success ? parsed.data : fallback;
}

/**
 * The district's absence thresholds for follow-up flags, from `districts.settings.absenceFlags`
 * (`{ consecutive, total }`; docs/domain.md's defaults are 2 in a row or 3 in the intervention). A
 * missing or malformed value falls back to its default on its own, so one bad value cannot
 * switch the other flag off.
 */
export function followUpSettingsFrom(districtSettings: unknown): FollowUpSettings {
  const flags =
    districtSettings && typeof districtSettings === "object"
      ? (districtSettings as Record<string, unknown>).absenceFlags
      : undefined;
  const fields = flags && typeof flags === "object" ? (flags as Record<string, unknown>) : {};
  return {
    consecutiveAbsences: threshold(
      fields.consecutive,
      DEFAULT_FOLLOW_UP_SETTINGS.consecutiveAbsences,
    ),
    totalAbsences: threshold(fields.total, DEFAULT_FOLLOW_UP_SETTINGS.totalAbsences),
  };
}
