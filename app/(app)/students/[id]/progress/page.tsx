import type { Metadata } from "next";
import Link from "next/link";
import { percent } from "@/components/attendance/format";
import { gradeLabel } from "@/components/interventions/format";
import { NoteList } from "@/components/progress/note-list";
import { ProgressChart } from "@/components/progress/progress-chart";
import { VERDICT_LABELS, VERDICT_STYLES } from "@/components/progress/verdict";
import { Card, TierBadge } from "@/components/ui/card";
import { formatDate } from "@/lib/domain/calendar/format";
import { formatNumber } from "@/lib/domain/progress/format";
import { contextFor, requireActor } from "@/lib/server/actor";
import { idParam, orNotFound } from "@/lib/server/page";
import { getStudentProgress } from "@/lib/use-cases/progress/get-student-progress";

export const metadata: Metadata = { title: "Progress" };

/** A student's progress over months: one timeline per measure across all their interventions. */
export default async function StudentProgressPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idParam((await params).id);
  const actor = await requireActor();
  const progress = await orNotFound(getStudentProgress(contextFor(actor), id));
  const { student, interventions, timeline, notes, audience } = progress;
  const name = `${student.firstName} ${student.lastName}`;
  const names = new Map(interventions.map((i) => [i.id, i.name]));

  return (
    <div className="space-y-6">
      <div>
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-bold">{name}: progress</h1>
          <TierBadge tier={student.currentTier} />
        </div>
        <p className="text-slate-700">Grade {gradeLabel(student.grade)}</p>
      </div>

      <Card aria-labelledby="plan-heading">
        <h2 id="plan-heading" className="text-lg font-semibold">
          Interventions
        </h2>
        {interventions.length === 0 ? (
          <p className="text-slate-700">No interventions yet.</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {interventions.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <Link
                  href={audience === "family" ? "/portal" : `/interventions/${i.id}`}
                  className="font-medium text-brand-700 underline"
                >
                  {i.name}
                </Link>
                <TierBadge tier={i.tier} />
                <span className="text-sm text-slate-700">
                  {formatDate(i.startDate)} – {formatDate(i.exitDate ?? i.endDate)} · {i.status}
                  {i.measure
                    ? ` · ${i.measure.name}${i.measure.goal !== null ? `, goal ${formatNumber(i.measure.goal)}` : ""}`
                    : ""}
                  {i.fidelity?.sessionRate !== null && i.fidelity && audience !== "family"
                    ? ` · sessions held ${percent(i.fidelity.sessionRate)}`
                    : ""}
                </span>
                {audience === "team" ? (
                  <Link
                    href={`/interventions/${i.id}/notes?student=${student.id}`}
                    className="text-sm text-brand-700 underline"
                  >
                    Notes
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>

      {timeline.measures.length === 0 ? (
        <Card>
          <p className="text-slate-700">No scores or measured notes yet.</p>
        </Card>
      ) : (
        timeline.measures.map((measure, position) => (
          <Card key={measure.key} aria-labelledby={`measure-${position}`} className="space-y-4">
            <h2 id={`measure-${position}`} className="text-lg font-semibold">
              {measure.name}
              {measure.unit ? ` (${measure.unit})` : ""}
            </h2>
            <ProgressChart measure={measure} markers={timeline.markers} />
            <ul className="space-y-2" aria-label={`Decisions on ${measure.name}`}>
              {measure.segments.map((segment) => (
                <li
                  key={segment.interventionId}
                  className={`rounded-md border p-3 ${VERDICT_STYLES[segment.decision.verdict]}`}
                  data-testid="verdict"
                >
                  <p className="font-semibold">
                    {names.get(segment.interventionId)}: {VERDICT_LABELS[segment.decision.verdict]}
                  </p>
                  <p className="text-sm">{segment.decision.explanation}</p>
                  <p className="mt-1 text-xs text-slate-700">
                    {segment.scoreCount} readings
                    {segment.baseline !== null
                      ? ` · baseline ${formatNumber(segment.baseline)}`
                      : ""}
                    {segment.goal !== null ? ` · goal ${formatNumber(segment.goal)}` : ""}
                    {segment.trendLine
                      ? ` · trend ${formatNumber(segment.trendLine.slopePerWeek)} per week`
                      : ""}
                    {segment.aimLine
                      ? ` · aim ${formatNumber(segment.aimLine.slopePerWeek)} per week`
                      : ""}
                    {segment.projectedEndScore !== null
                      ? ` · projected ${formatNumber(segment.projectedEndScore)} at the end`
                      : ""}
                  </p>
                </li>
              ))}
            </ul>
          </Card>
        ))
      )}

      {progress.tierChanges.length > 0 ? (
        <Card aria-labelledby="tiers-heading">
          <h2 id="tiers-heading" className="text-lg font-semibold">
            Tier history
          </h2>
          <ol className="mt-2 space-y-1 text-sm">
            {progress.tierChanges.map((change) => (
              <li key={`${change.date}-${change.toTier}`}>
                {formatDate(change.date)}:{" "}
                {change.fromTier === null ? "" : `Tier ${change.fromTier} → `}Tier {change.toTier} (
                {change.decision})
              </li>
            ))}
          </ol>
        </Card>
      ) : null}

      <section aria-labelledby="notes-heading" className="space-y-3">
        <h2 id="notes-heading" className="text-lg font-semibold">
          Progress notes
        </h2>
        <NoteList notes={notes} show="intervention" editable={false} />
      </section>
    </div>
  );
}
