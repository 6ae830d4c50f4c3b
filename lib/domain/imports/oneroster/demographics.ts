import { isValidLocalDate } from "../../calendar/dates";
import type { CsvRow } from "../csv";
import { fail, ok, type RowResult, rowHead } from "./rows";

/** demographics.csv (optional): students' birth dates. */

export interface DemographicsRecord {
  sourcedId: string;
  birthDate: string | null;
}

export function parseDemographics(row: CsvRow): RowResult<DemographicsRecord> {
  const head = rowHead(row);
  if (!head.ok) return head;
  const birthDate = row.get("birthDate");
  if (birthDate && !isValidLocalDate(birthDate)) {
    return fail(`birthDate "${birthDate}" is not a date (YYYY-MM-DD).`);
  }
  return ok({ sourcedId: head.value.sourcedId, birthDate: birthDate || null });
}
