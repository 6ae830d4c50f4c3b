import { percent } from "@/components/attendance/format";
import { VERDICT_LABELS } from "@/components/progress/verdict";
import { Card } from "@/components/ui/card";
import { ColumnHeads } from "@/components/ui/column-heads";
import { TextLink } from "@/components/ui/text-link";
import { NON_RESPONDER_MIN_WEEKS } from "@/lib/domain/effectiveness";
import {
  formatNumber,
  MINIMUM_SCORES_FOR_DECISION,
  MINIMUM_SCORES_FOR_PROBABILITY,
  MINIMUM_SCORES_FOR_TREND,
  weeksBetween,
} from "@/lib/domain/progress";
import { chanceText, type EffectivenessDashboardData, nameOf, signed } from "./dashboard-text";
import { StudentCharts } from "./student-charts";

/** The effectiveness dashboard's cards about the students: each one, and those not responding. */

/** Each student's scores, trend and chance of reaching the goal, in a table and small charts. */
export function StudentsCard({ data }: { data: EffectivenessDashboardData }) {
  const { measure, students, startDate, endDate } = data;
  const goal = measure.goal;
  const total = students.length;
  return (
    <Card aria-labelledby="students-heading">
      <h2 id="students-heading" className="text-lg font-semibold">
        Each student
      </h2>
      {total === 0 ? (
        <p className="mt-2 text-slate-700">No students are enrolled.</p>
      ) : (
        <>
          <div className="mt-2 overflow-x-auto">
            <table className="w-full min-w-[40rem] text-left text-sm" data-testid="student-table">
              <caption className="sr-only">
                Each student's scores, trend and chance of reaching the goal
              </caption>
              <ColumnHeads
                columns={[
                  "Student",
                  "Scores",
                  "Baseline",
                  "Latest",
                  "Trend / aim per week",
                  "Projected end",
                  "Chance of reaching the goal",
                  "Student's decision rule",
                ]}
              />
              <tbody>
                {students.map((s) => (
                  <tr key={s.studentId} className="border-b border-slate-100">
                    <th scope="row" className="py-2 pr-4 font-medium">
                      <TextLink href={`/students/${s.studentId}/progress`}>{nameOf(s)}</TextLink>
                      {s.stillEnrolled ? null : (
                        <span className="ml-1 text-xs font-normal text-slate-600">(exited)</span>
                      )}
                      <span className="block text-xs font-normal text-slate-600">
                        {s.progressing ? "Progressing" : "Not progressing yet"}
                      </span>
                    </th>
                    <td className="py-2 pr-4">{s.scoreCount}</td>
                    <td className="py-2 pr-4">
                      {s.baseline === null ? "—" : formatNumber(s.baseline, 1)}
                    </td>
                    <td className="py-2 pr-4">
                      {s.latest === null ? "—" : formatNumber(s.latest, 1)}
                    </td>
                    <td className="py-2 pr-4">
                      {s.trendSlopePerWeek === null
                        ? `Not enough data yet: ${s.scoreCount} of ${MINIMUM_SCORES_FOR_TREND} scores`
                        : signed(s.trendSlopePerWeek)}
                      {s.aimSlopePerWeek === null ? null : ` / ${signed(s.aimSlopePerWeek)}`}
                    </td>
                    <td className="py-2 pr-4">
                      {s.projectedEndScore === null ? "—" : formatNumber(s.projectedEndScore, 1)}
                    </td>
                    <td className="py-2 pr-4">{chanceText(s)}</td>
                    <td className="py-2">
                      {s.decision === null ? "No baseline yet" : VERDICT_LABELS[s.decision.verdict]}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3 className="mt-4 font-semibold">Each student's scores and aim line</h3>
          <p className="text-sm text-slate-700">
            One scale for every chart; the dashed green line runs from the student's baseline to the
            goal.
          </p>
          <div className="mt-2">
            <StudentCharts
              startDate={startDate}
              endDate={endDate}
              students={students.map((s) => ({
                studentId: s.studentId,
                name: nameOf(s),
                scores: s.scores,
                aim:
                  s.baseline === null
                    ? null
                    : {
                        from: { date: startDate, value: s.baseline },
                        to: { date: endDate, value: goal },
                      },
                summary:
                  s.probabilityOfReachingGoal === null
                    ? `Chance of reaching the goal: not enough data yet (${s.scoreCount} of ${MINIMUM_SCORES_FOR_PROBABILITY} scores).`
                    : `Chance of reaching the goal: ${percent(s.probabilityOfReachingGoal)}.`,
              }))}
            />
          </div>
        </>
      )}
    </Card>
  );
}

/** What the effectiveness dashboard, and each of its cards that links to a tier decision, is given. */
export interface DashboardProps {
  data: EffectivenessDashboardData;
  /** The group, named in the tier decision a link opens (escalate, prefilled). */
  interventionId: string;
  /** Tier decisions are recorded on the student's page by specialists and admins only. */
  canDecideTier: boolean;
}

/** The non-responders with the reason, each with the way to the tier decision. */
export function NonRespondersCard({ data, interventionId, canDecideTier }: DashboardProps) {
  const { effectiveness: e, measure, students, startDate, today } = data;
  const byId = new Map(students.map((s) => [s.studentId, s]));
  const weeks = Math.max(0, Math.floor(weeksBetween(startDate, today)));
  return (
    <Card aria-labelledby="non-responders-heading">
      <h2 id="non-responders-heading" className="text-lg font-semibold">
        Students not responding
      </h2>
      <p className="text-sm text-slate-700">
        Below the benchmark of {formatNumber(measure.benchmark)} and growing more slowly than the
        aim line, with at least {MINIMUM_SCORES_FOR_DECISION} scores, from week{" "}
        {NON_RESPONDER_MIN_WEEKS} and while fidelity holds.
      </p>
      {e.nonResponders.length === 0 ? (
        <p className="mt-2" data-testid="no-non-responders">
          {weeks < NON_RESPONDER_MIN_WEEKS
            ? `None named yet: students are judged from week ${NON_RESPONDER_MIN_WEEKS}, and ${weeks} full week${weeks === 1 ? " has" : "s have"} passed since the start.`
            : !e.fidelityDetail.trusted
              ? "None named: while fidelity is below the threshold, low growth may be the delivery's, not the student's."
              : "None: no student is both below the benchmark and growing more slowly than the aim line."}
        </p>
      ) : (
        <ul className="mt-2 space-y-3" data-testid="non-responders">
          {e.nonResponders.map((n) => {
            const student = byId.get(n.studentId);
            const name = student ? nameOf(student) : "A student";
            return (
              <li key={n.studentId} className="rounded-md border border-amber-300 bg-amber-50 p-3">
                <p className="font-semibold">{name}</p>
                <p className="text-sm">{n.reason}</p>
                <p className="mt-1 text-sm">
                  {canDecideTier ? (
                    <TextLink
                      href={`/students/${n.studentId}?decision=escalate&interventionId=${interventionId}#tier-decision`}
                      className="font-medium underline"
                    >
                      Record a tier decision for {name}
                    </TextLink>
                  ) : (
                    <TextLink href={`/students/${n.studentId}`} className="font-medium underline">
                      Open {name}'s page (a specialist records the tier decision)
                    </TextLink>
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
