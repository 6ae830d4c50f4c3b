import { preferBulkPlans } from "@/db/queries/imports/bulk";
import { ForbiddenError } from "@/lib/domain/errors";
import type { FileBundle } from "@/lib/domain/imports/bundle";
import type { ImportSummary } from "@/lib/domain/imports/summary";
import { isDistrictAdmin } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";
import { type ImportProgress, type ImportRunResult, runRecordedImport } from "./import-run";
import { importClasses, readCourses } from "./oneroster/classes";
import { readDemographics } from "./oneroster/demographics";
import { importEnrollments } from "./oneroster/enrollments";
import { importGuardianLinks } from "./oneroster/guardians";
import { inspectBundle } from "./oneroster/inspect-bundle";
import { importOrgs } from "./oneroster/orgs";
import { RosterRun } from "./oneroster/roster-run";
import { importUsers } from "./oneroster/users";

export interface OneRosterImportOptions {
  onProgress?: (progress: ImportProgress) => void;
}

/**
 * Issue 3, part 1: a OneRoster 1.1 CSV bundle into the district's schools, staff, students,
 * guardians, class sections and rosters. Upserts by sourcedId, so importing the same files
 * twice changes nothing; `tobedeleted` deactivates; a bad row is reported with its file and
 * line while the good rows land; a bundle that is not OneRoster is refused before anything
 * is written. Files are streamed and written ~1,000 rows per statement, one file kind after
 * another (the steps in ./oneroster/), in the order their references need: a user names its
 * school, a class its school and course, an enrollment its class and user.
 */
export async function importOneRoster(
  ctx: UseCaseContext,
  bundle: FileBundle,
  options: OneRosterImportOptions = {},
): Promise<ImportRunResult> {
  if (!isDistrictAdmin(ctx.actor)) {
    throw new ForbiddenError("Only district admins import rosters.");
  }
  return runRecordedImport(ctx, "oneroster", bundle.name, async (tx) => {
    const manifest = await inspectBundle(bundle);
    const run = new RosterRun(tx, ctx.actor.tenantId, bundle, manifest, options.onProgress);
    await preferBulkPlans(tx);
    const birthDates = await readDemographics(run);
    const schoolIds = await importOrgs(run);
    const courses = await readCourses(run);
    const users = await importUsers(run, { schoolIds, birthDates });
    await importGuardianLinks(run, users.guardians, users.students);
    const classesInFile = await importClasses(run, { schoolIds, courses });
    await importEnrollments(run, classesInFile);
    return {
      summary: run.summary as ImportSummary,
      rejected: run.rejections.rows,
      rejectedTotal: run.rejections.total,
    };
  });
}
