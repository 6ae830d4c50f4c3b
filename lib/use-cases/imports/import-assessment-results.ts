import {
  listAssessments,
  type ResultValues,
  studentsByKeys,
  upsertResults,
} from "@/db/queries/assessments";
import {
  parseResultRow,
  type ResultColumn,
  type ResultRecord,
  resultColumns,
} from "@/lib/domain/imports/assessment-results";
import type { UploadedFile } from "@/lib/domain/imports/bundle";
import { readCsvRows } from "@/lib/domain/imports/csv";
import {
  BundleRefusedError,
  emptySummary,
  type ImportSummary,
  RejectionLog,
} from "@/lib/domain/imports/summary";
import { schoolYearOf } from "@/lib/domain/reports/school-year";
import { assertWorksWithScreening } from "../access";
import type { UseCaseContext } from "../context";
import { type ImportProgress, type ImportRunResult, runRecordedImport } from "./import-run";

const BATCH = 1000;

export interface AssessmentImportOptions {
  /** When the file has no assessment column, every row is a result of this assessment. */
  assessmentId?: string;
  onProgress?: (progress: ImportProgress) => void;
}

/**
 * Issue 3, part 2: screening results from a CSV (student id, assessment, window, date, score,
 * optional percentile). Each row lands or is rejected with its line and reason; a file without
 * the needed columns is refused. Results are upserted per student, assessment, school year and
 * window, so a re-import changes nothing and a corrected score replaces the old one.
 */
export async function importAssessmentResults(
  ctx: UseCaseContext,
  file: UploadedFile,
  options: AssessmentImportOptions = {},
): Promise<ImportRunResult> {
  assertWorksWithScreening(ctx.actor);
  const { tenantId } = ctx.actor;
  return runRecordedImport(ctx, "assessments", file.name, async (tx) => {
    const catalogue = await listAssessments(tx, tenantId);
    const fixed = options.assessmentId
      ? catalogue.find((a) => a.id === options.assessmentId)
      : undefined;
    if (options.assessmentId && !fixed)
      throw new BundleRefusedError("The chosen assessment is not in your district's catalogue.");
    const byName = new Map(catalogue.map((a) => [a.name.toLowerCase(), a]));
    const summary = emptySummary(["results"] as const);
    const counts = summary.results;
    const rejections = new RejectionLog();
    const reject = (line: number, reason: string) => {
      counts.rejected += 1;
      rejections.add({ file: file.name, line, reason });
    };

    let columns: Partial<Record<ResultColumn, string>> = {};
    const seen = new Map<string, number>();
    let batch: { line: number; record: ResultRecord }[] = [];
    let read = 0;

    const flush = async () => {
      const students = await studentsByKeys(tx, tenantId, [
        ...new Set(batch.map((b) => b.record.studentKey)),
      ]);
      const values: ResultValues[] = [];
      for (const { line, record } of batch) {
        const assessment = fixed ?? byName.get(record.assessmentName.toLowerCase());
        if (!assessment) {
          reject(line, `assessment "${record.assessmentName}" is not in the catalogue.`);
          continue;
        }
        const student = students.get(record.studentKey);
        if (!student) {
          reject(line, `student ${record.studentKey} is not an active student of the district.`);
          continue;
        }
        if (record.score < assessment.scaleMin || record.score > assessment.scaleMax) {
          reject(
            line,
            `score ${record.score} is outside ${assessment.name}'s scale (${assessment.scaleMin}–${assessment.scaleMax}).`,
          );
          continue;
        }
        const schoolYear = schoolYearOf(record.administeredOn);
        const key = `${assessment.id}/${student.id}/${schoolYear}/${record.window}`;
        const first = seen.get(key);
        if (first !== undefined) {
          reject(
            line,
            `a ${record.window} ${schoolYear} result for this student and assessment appears again (first on line ${first}).`,
          );
          continue;
        }
        seen.set(key, line);
        values.push({
          assessmentId: assessment.id,
          studentId: student.id,
          schoolYear,
          window: record.window,
          administeredOn: record.administeredOn,
          score: record.score,
          percentile: record.percentile,
        });
      }
      const written = await upsertResults(tx, tenantId, values);
      const created = written.filter((w) => w.inserted).length;
      counts.created += created;
      counts.updated += written.length - created;
      counts.unchanged += values.length - written.length;
      batch = [];
      options.onProgress?.({ file: file.name, rows: read });
    };

    const onHeader = (header: string[]) => {
      const found = resultColumns(header);
      const missing = found.missing.filter((f) => !(f === "assessment" && fixed));
      if (missing.length > 0) {
        throw new BundleRefusedError(
          `${file.name} is not a results file: it has no ${missing.join(", ")} column. Expected columns: student_id, assessment, window, date, score, percentile (optional).`,
        );
      }
      columns = found.columns;
    };
    for await (const row of readCsvRows(file.open(), onHeader, { file: file.name })) {
      read += 1;
      const parsed = parseResultRow(row, columns, fixed?.name);
      if (!parsed.ok) {
        reject(row.line, parsed.reason);
        continue;
      }
      batch.push({ line: row.line, record: parsed.value });
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    return {
      summary: summary as ImportSummary,
      // Some rows are refused while reading, others once their batch is looked up: file order.
      rejected: [...rejections.rows].sort((a, b) => a.line - b.line),
      rejectedTotal: rejections.total,
    };
  });
}
