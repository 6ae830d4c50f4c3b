import type { CsvRow } from "../csv";
import { fail, ok, type RowResult, type RowStatus, rowHead, tooLong } from "./rows";

/** orgs.csv: schools become records; districts and departments are context. */

export interface OrgRecord {
  sourcedId: string;
  status: RowStatus;
  /** Only schools become records; districts and departments are context. */
  isSchool: boolean;
  name: string;
  code: string | null;
}

export function parseOrg(row: CsvRow): RowResult<OrgRecord> {
  const head = rowHead(row);
  if (!head.ok) return head;
  const type = row.get("type").toLowerCase();
  const name = row.get("name");
  if (head.value.status === "active") {
    if (!type) return fail("type is empty.");
    if (type === "school" && !name) return fail("name is empty.");
  }
  const problem = tooLong("name", name, 200) ?? tooLong("identifier", row.get("identifier"), 40);
  if (problem) return fail(problem);
  return ok({
    ...head.value,
    isSchool: type === "school",
    name,
    code: row.get("identifier") || null,
  });
}
