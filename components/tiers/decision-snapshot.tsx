import { percent } from "@/components/attendance/format";
import { StudentCharts } from "@/components/effectiveness/student-charts";
import { VERDICT_LABELS, VERDICT_STYLES } from "@/components/progress/verdict";
import { Card } from "@/components/ui/card";
import { formatDate } from "@/lib/domain/calendar/format";
import { formatNumber } from "@/lib/domain/progress/format";
import type { DecisionSnapshot } from "@/lib/domain/tiers/snapshot";

/**
 * The data a tier decision rests on, drawn from the numbers stored with it (never re-read):
 * the student's scores against the aim line, the decision rule's verdict, attendance and
 * fidelity, as they were on the day.
 */
export function DecisionSnapshotView({
  snapshot,
  studentName,
}: {
  snapshot: DecisionSnapshot;
  studentName: string;
}) {
  const { intervention, measure, fidelity, attendance, verdict } = snapshot;
  if (!intervention) {
    return (
      <Card>
        <p className="text-slate-700">
          The decision named no intervention, so no scores, attendance or fidelity were kept with
          it.
        </p>
      </Card>
    );
  }
  const unit = measure?.unit ? ` ${measure.unit}` : "";
  return (
    <div className="space-y-4" data-testid="decision-snapshot">
      <Card>
        <h2 className="text-lg font-semibold">
          {intervention.name} · Tier {intervention.tier}
        </h2>
        <p className="text-sm text-slate-700">
          {formatDate(intervention.startDate)} – {formatDate(intervention.endDate)} · data as of{" "}
          {formatDate(snapshot.asOf)}
        </p>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600">Attendance</dt>
          <dd data-testid="snapshot-attendance">
            {attendance?.rate == null ? "No sessions recorded" : percent(attendance.rate)}
            {attendance
              ? ` (${attendance.counts.present} present, ${attendance.counts.tardy} tardy, ${attendance.counts.absent} absent, ${attendance.counts.excused} excused)`
              : ""}
          </dd>
          <dt className="text-slate-600">Fidelity</dt>
          <dd data-testid="snapshot-fidelity">
            {fidelity?.value == null ? "Not known yet" : percent(fidelity.value)}
            {fidelity
              ? ` (sessions ${percent(fidelity.sessionRate)}, minutes ${percent(fidelity.minutesRate)}; ${fidelity.trusted ? "delivered as planned" : `below ${percent(fidelity.threshold)} or unknown: not delivered as planned`})`
              : ""}
          </dd>
          {measure ? (
            <>
              <dt className="text-slate-600">Measure</dt>
              <dd>
                {measure.name}, goal {formatNumber(measure.goal)}
                {unit} ({measure.direction === "higher" ? "higher" : "lower"} is better)
              </dd>
              <dt className="text-slate-600">Baseline / latest</dt>
              <dd>
                {snapshot.baseline === null ? "—" : formatNumber(snapshot.baseline, 1)} /{" "}
                {snapshot.latest === null ? "—" : formatNumber(snapshot.latest, 1)}
              </dd>
              <dt className="text-slate-600">Trend / aim per week</dt>
              <dd>
                {snapshot.trendSlopePerWeek === null
                  ? "No trend yet"
                  : formatNumber(snapshot.trendSlopePerWeek, 2)}
                {snapshot.aimSlopePerWeek === null
                  ? ""
                  : ` / ${formatNumber(snapshot.aimSlopePerWeek, 2)}`}
              </dd>
            </>
          ) : (
            <>
              <dt className="text-slate-600">Measure</dt>
              <dd>No measure and goal were set: no scores or verdict were kept.</dd>
            </>
          )}
        </dl>
      </Card>
      {verdict ? (
        <section
          aria-label="The decision rule's verdict"
          data-testid="snapshot-verdict"
          className={`rounded-md border p-4 ${VERDICT_STYLES[verdict.verdict]}`}
        >
          <h2 className="font-semibold">Decision rule: {VERDICT_LABELS[verdict.verdict]}</h2>
          <p className="text-sm">{verdict.explanation}</p>
        </section>
      ) : null}
      {measure ? (
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Scores at the time</h2>
          <StudentCharts
            startDate={intervention.startDate}
            endDate={intervention.endDate}
            students={[
              {
                studentId: "snapshot",
                name: studentName,
                scores: snapshot.scores,
                aim:
                  snapshot.baseline === null
                    ? null
                    : {
                        from: { date: intervention.startDate, value: snapshot.baseline },
                        to: { date: intervention.endDate, value: measure.goal },
                      },
                summary: `${snapshot.scores.length} score${snapshot.scores.length === 1 ? "" : "s"} in ${measure.name}.`,
              },
            ]}
          />
          {snapshot.scores.length > 0 ? (
            <table className="mt-3 w-full text-left text-sm" data-testid="snapshot-scores">
              <caption className="sr-only">The scores behind the chart</caption>
              <thead>
                <tr>
                  <th className="py-1 pr-4 font-medium">Date</th>
                  <th className="py-1 font-medium">{measure.name}</th>
                </tr>
              </thead>
              <tbody>
                {snapshot.scores.map((s) => (
                  <tr key={`${s.date}-${s.value}`} className="border-b border-slate-100">
                    <td className="py-1 pr-4">{formatDate(s.date)}</td>
                    <td className="py-1">{formatNumber(s.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
