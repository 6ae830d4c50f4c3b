import { idsBySourceId } from "@/db/queries/imports/bulk";
import { type RosterSchool, upsertSchools } from "@/db/queries/imports/orgs";
import { parseOrg } from "@/lib/domain/imports/oneroster/orgs";
import { Batches, type RosterRun } from "./roster-run";

/**
 * orgs.csv: the district's schools (other org types, such as the district itself, are read and
 * left). Returns every school of the district by sourcedId, for the files that name one.
 */
export async function importOrgs(run: RosterRun): Promise<Map<string, string>> {
  const file = "orgs.csv";
  const batches = new Batches<RosterSchool>(async (rows) => {
    run.count("schools", await upsertSchools(run.tx, run.tenantId, rows), rows.length);
  });
  const kindOf = (row: { get(column: string): string }) =>
    row.get("type").toLowerCase() === "school" ? "schools" : null;
  for await (const { line, value } of run.parsed(file, parseOrg, kindOf)) {
    if (!value.isSchool) continue;
    if (value.status === "tobedeleted") {
      run.reject(
        "schools",
        file,
        line,
        "A school is not removed by an import (students and staff still belong to it); deactivate its people through users.csv.",
      );
      continue;
    }
    await batches.add({ sourceId: value.sourcedId, name: value.name, code: value.code });
  }
  await batches.flush();
  return idsBySourceId(run.tx, "schools", run.tenantId);
}
