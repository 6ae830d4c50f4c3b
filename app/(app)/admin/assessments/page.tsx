import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { BackLink } from "@/components/ui/text-link";
import { seesAllStudents } from "@/lib/domain/policy";
import { contextFor, requireActor } from "@/lib/server/actor";
import { listAssessments } from "@/lib/use-cases/assessments/list-assessments";
import { UploadForm } from "../imports/upload-form";
import { recordResultAction, saveAssessmentAction } from "./actions";
import { AssessmentEditor } from "./assessment-editor";
import { ResultEntryForm } from "./result-entry-form";

export const metadata: Metadata = { title: "Assessments" };

/** The screening catalogue, its cut scores, and the scores: imported from a CSV or typed in. */
export default async function AssessmentsPage() {
  const actor = await requireActor();
  if (!seesAllStudents(actor)) notFound();
  const assessments = await listAssessments(contextFor(actor));
  return (
    <div className="space-y-6">
      <div>
        <BackLink href="/reports/at-risk">At-risk students</BackLink>
        <h1 className="text-2xl font-bold">Assessments</h1>
        <p className="max-w-3xl text-slate-700">
          The screening instruments of {actor.districtName}, with the cut scores that turn a score
          into a recommended tier. Without a cut-score row, a 0–100 benchmark uses 50 and up Tier 1,
          30–49 Tier 2, under 30 Tier 3. The most specific row wins: grade and window, then window,
          then a row for any window.
        </p>
      </div>

      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">Import scores</h2>
        <UploadForm
          endpoint="/admin/assessments/upload"
          accept=".csv"
          multiple={false}
          label="Results CSV"
          hint="Columns: student_id (student number or roster sourcedId), assessment, window (fall, winter, spring), date (YYYY-MM-DD or M/D/YYYY), score, percentile (optional). A score for the same student, assessment and window of a school year replaces the earlier one."
        >
          <label className="block space-y-1 text-sm font-medium text-slate-800">
            Assessment (when the file has no assessment column)
            <select
              name="assessmentId"
              className="block min-h-11 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base"
            >
              <option value="">Named in the file</option>
              {assessments.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
        </UploadForm>
      </Card>

      {assessments.length > 0 ? (
        <Card className="space-y-3">
          <h2 className="text-lg font-semibold">Enter one score</h2>
          <ResultEntryForm
            action={recordResultAction}
            assessments={assessments.map((a) => ({
              id: a.id,
              name: a.name,
              scaleMin: a.scaleMin,
              scaleMax: a.scaleMax,
            }))}
          />
        </Card>
      ) : null}

      <h2 className="text-xl font-semibold">Catalogue</h2>
      {assessments.map((assessment) => (
        <AssessmentEditor
          key={assessment.id}
          action={saveAssessmentAction}
          assessment={assessment}
        />
      ))}
      <AssessmentEditor action={saveAssessmentAction} assessment={null} />
    </div>
  );
}
