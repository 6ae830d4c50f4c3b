import { appendAudit } from "@/db/queries/audit";
import {
  bellPeriodsOf,
  replaceBellPeriods,
  type SchoolRotationRow,
  schoolRotations,
} from "@/db/queries/scheduling/bell-schedule";
import { withTenant } from "@/db/with-tenant";
import type { UploadedFile } from "@/lib/domain/imports/bundle";
import { type CsvRow, readCsvRows } from "@/lib/domain/imports/csv";
import type { RejectedRow } from "@/lib/domain/imports/summary";
import {
  type BellScheduleRecord,
  bellScheduleHeader,
  type LineProblem,
  MAX_BELL_SCHEDULE_ROWS,
  parseBellSchedule,
} from "@/lib/domain/scheduling/bell-schedule-csv";
import type { UseCaseContext } from "../context";
import { assertEditsTimeFacts } from "./time-facts-access";

export type BellScheduleImportResult =
  | {
      ok: true;
      file: string;
      /** Each school named in the file, with its periods before and after. */
      schools: { schoolId: string; name: string; before: number; after: number }[];
    }
  | {
      ok: false;
      file: string;
      /** Every bad row, by line; nothing was written. */
      rejected: RejectedRow[];
    };

/** A school named by sourcedId, code or name (any case); a name two schools share is refused. */
function schoolFinder(schools: readonly SchoolRotationRow[]) {
  const index = new Map<string, SchoolRotationRow[]>();
  const add = (key: string | null, school: SchoolRotationRow) => {
    if (!key) return;
    const k = key.trim().toLowerCase();
    const list = index.get(k) ?? [];
    if (!list.includes(school)) list.push(school);
    index.set(k, list);
  };
  for (const school of schools) {
    add(school.sourceId, school);
    add(school.code, school);
    add(school.name, school);
  }
  return (value: string): SchoolRotationRow | string => {
    const found = index.get(value.trim().toLowerCase()) ?? [];
    if (found.length === 1) return found[0]!;
    return found.length === 0
      ? `school "${value}" is not a school of your district (give its sourcedId, code or name).`
      : `school "${value}" names ${found.length} schools; give its sourcedId or code.`;
  };
}

/**
 * Issue 10, point 1: a bell schedule from a CSV. Every school the file names has its bell
 * periods replaced by the file's, in one transaction, with one audit row per school. Any bad
 * row (a bad time, an unknown school, a day type not in the school's rotation, a period named
 * twice) is reported with its file and line, and nothing is written.
 */
export async function importBellSchedule(
  ctx: UseCaseContext,
  file: UploadedFile,
): Promise<BellScheduleImportResult> {
  assertEditsTimeFacts(ctx.actor);
  const { tenantId } = ctx.actor;
  const rejected = (problems: LineProblem[]): BellScheduleImportResult => ({
    ok: false,
    file: file.name,
    rejected: [...problems]
      .sort((a, b) => a.line - b.line)
      .map((p) => ({ file: file.name, line: p.line, reason: p.reason })),
  });

  let header: string[] = [];
  const rows: CsvRow[] = [];
  for await (const row of readCsvRows(
    file.open(),
    (columns) => {
      header = columns;
    },
    { file: file.name },
  )) {
    rows.push(row);
    if (rows.length > MAX_BELL_SCHEDULE_ROWS)
      return rejected([
        { line: row.line, reason: `A bell schedule has at most ${MAX_BELL_SCHEDULE_ROWS} rows.` },
      ]);
  }
  const { columns, missing } = bellScheduleHeader(header);
  if (missing.length > 0)
    return rejected([
      {
        line: 1,
        reason: `The header has no ${missing.join(", ")} column. Expected columns: school, dayType (optional), period, startTime, endTime.`,
      },
    ]);
  if (rows.length === 0) return rejected([{ line: 2, reason: "The file has no periods." }]);
  const parsed = parseBellSchedule(rows, columns);

  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const find = schoolFinder(await schoolRotations(tx, tenantId));
    const problems = [...parsed.problems];
    const bySchool = new Map<
      string,
      { school: SchoolRotationRow; periods: BellScheduleRecord[] }
    >();
    for (const { line, record } of parsed.rows) {
      const school = find(record.school);
      if (typeof school === "string") {
        problems.push({ line, reason: school });
        continue;
      }
      if (record.dayType !== "" && !school.dayRotation.includes(record.dayType)) {
        problems.push({
          line,
          reason:
            school.dayRotation.length === 0
              ? `dayType "${record.dayType}": ${school.name} has no rotation days; set them on the schedule page first or leave dayType empty.`
              : `dayType "${record.dayType}" is not one of ${school.name}'s rotation days (${school.dayRotation.join(", ")}).`,
        });
        continue;
      }
      const entry = bySchool.get(school.id) ?? { school, periods: [] };
      entry.periods.push(record);
      bySchool.set(school.id, entry);
    }
    // The same school named two ways ("MGE" and its full name) with one period twice.
    for (const { periods } of bySchool.values()) {
      const keys = new Set<string>();
      for (const p of periods) {
        const key = `${p.dayType}\u0000${p.period.toLowerCase()}`;
        if (keys.has(key)) {
          const line = parsed.rows.find((r) => r.record === p)?.line ?? 0;
          problems.push({ line, reason: `period "${p.period}" appears twice for this school.` });
        }
        keys.add(key);
      }
    }
    if (problems.length > 0) return rejected(problems);

    const schools: { schoolId: string; name: string; before: number; after: number }[] = [];
    for (const { school, periods } of bySchool.values()) {
      const previous = await bellPeriodsOf(tx, tenantId, [school.id]);
      await replaceBellPeriods(
        tx,
        tenantId,
        school.id,
        periods.map((p) => ({
          dayType: p.dayType,
          label: p.period,
          startTime: p.startTime,
          endTime: p.endTime,
        })),
      );
      schools.push({
        schoolId: school.id,
        name: school.name,
        before: previous.length,
        after: periods.length,
      });
    }
    await appendAudit(
      tx,
      ctx.actor,
      ctx.requestId,
      schools.map((s) => ({
        action: "bell_schedule.imported",
        entityType: "school",
        entityId: s.schoolId,
        before: { periods: s.before },
        after: { periods: s.after, file: file.name },
      })),
    );
    return { ok: true as const, file: file.name, schools };
  });
}
