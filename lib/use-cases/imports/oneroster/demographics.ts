import { parseDemographics } from "@/lib/domain/imports/oneroster/demographics";
import type { RosterRun } from "./roster-run";

/**
 * demographics.csv: birth dates by student sourcedId (null where none is given), written with
 * the students. Null when the bundle has no such file: students' birth dates are then kept.
 */
export async function readDemographics(run: RosterRun): Promise<Map<string, string | null> | null> {
  if (!run.has("demographics.csv")) return null;
  const birthDates = new Map<string, string | null>();
  for await (const { value } of run.parsed("demographics.csv", parseDemographics, () => null)) {
    birthDates.set(value.sourcedId, value.birthDate);
  }
  return birthDates;
}
