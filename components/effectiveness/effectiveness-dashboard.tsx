import { percent } from "@/components/attendance/format";
import { VERDICT_LABELS } from "@/components/progress/verdict";
import { Card } from "@/components/ui/card";
import { ColumnHeads } from "@/components/ui/column-heads";
import { Stat } from "@/components/ui/stat";
import { TextLink } from "@/components/ui/text-link";
import {
  groupAverageByWeek,
  isPastMidpoint,
  NON_RESPONDER_MIN_WEEKS,
  recommendationReason,
} from "@/lib/domain/effectiveness";
import {
  directionNote,
  formatNumber,
  MINIMUM_SCORES_FOR_DECISION,
  MINIMUM_SCORES_FOR_PROBABILITY,
  MINIMUM_SCORES_FOR_TREND,
  weeksBetween,
} from "@/lib/domain/progress";
import type { getEffectivenessDashboard } from "@/lib/use-cases/progress/get-effectiveness";
import { GroupChart } from "./group-chart";
import { StudentCharts } from "./student-charts";

export type EffectivenessDashboardData = Awaited<ReturnType<typeof getEffectivenessDashboard>>;
type StudentRow = EffectivenessDashboardData["students"][number];

const nameOf = (s: StudentRow) => `${s.firstName} ${s.lastName}`;

/** "+13", "−2.5", "0": a change with its sign, so a loss never reads as a gain. */
function signed(value: number): string {
  return value > 0 ? `+${formatNumber(value, 1)}` : value < 0 ? `−${formatNumber(-value, 1)}` : "0";
}

/** "Not enough data yet: 3 of 6 students have a score since the start." */
function notEnoughScores(withScores: number, total: number): string {
  return `Not enough data yet: ${withScores} of ${total} student${total === 1 ? " has" : "s have"} a score since the start.`;
}

function chanceText(student: StudentRow): string {
  if (student.probabilityOfReachingGoal !== null) return percent(student.probabilityOfReachingGoal);
  return `Not enough data yet: ${student.scoreCount} of ${MINIMUM_SCORES_FOR_PROBABILITY} scores`;
}

/**
 * Scenario 6's dashboard of one group: the recommendation and the rule behind it, outcomes,
 * delivery, investment, the charts, each student, and the non-responders with a way to the tier
 * decision. Every figure is getEffectiveness's (definitions: docs/domain.md, "Effectiveness of
 * an intervention"); this only lays them out and says when there is not enough data.
 */
export function EffectivenessDashboard({
  data,
  canDecideTier,
}: {
  data: EffectivenessDashboardData;
  /** Tier decisions are recorded on the student's page by specialists and admins only. */
  canDecideTier: boolean;
}) {
  const { effectiveness: e, measure, students, startDate, endDate, today } = data;
  const goal = measure.goal;
  const unit = measure.unit ? ` ${measure.unit}` : "";
  const total = students.length;
  const withScores = students.filter((s) => s.scoreCount > 0).length;
  const byId = new Map(students.map((s) => [s.studentId, s]));
  const weeks = Math.max(0, Math.floor(weeksBetween(startDate, today)));
  const reason = recommendationReason({
    recommendation: e.recommendation,
    fidelity: e.fidelityDetail,
    projectedEndAverage: e.projectedEndAverage,
    studentsProgressing: e.studentsProgressing,
    goal,
    direction: measure.direction,
    fourPointRaises: students.filter(
      (s) => s.decision?.rule === "four-point" && s.decision.verdict === "raise-goal",
    ).length,
    pastMidpoint: isPastMidpoint(startDate, endDate, today),
  });
  const groupPoints = groupAverageByWeek(students, startDate);
  const aim =
    e.preAverage === null
      ? null
      : { from: { date: startDate, value: e.preAverage }, to: { date: endDate, value: goal } };
  const partial =
    withScores > 0 && withScores < total
      ? `Over the ${withScores} of ${total} students with a score.`
      : undefined;
  const cost = e.cost;

  return (
    <div className="space-y-6">
      <Card aria-labelledby="recommendation-heading" className="border-brand-100 bg-brand-50">
        <h2 id="recommendation-heading" className="text-lg font-semibold">
          Recommendation
        </h2>
        <p className="mt-1 text-xl font-bold" data-testid="recommendation">
          {e.recommendation}
        </p>
        <p className="mt-2 text-sm" data-testid="recommendation-rule">
          <span className="font-semibold">Rule {reason.step} of 5:</span> {reason.rule}
        </p>
        <p className="mt-1 text-sm text-slate-700" data-testid="recommendation-because">
          {reason.because}
        </p>
      </Card>

      <Card aria-labelledby="outcomes-heading">
        <h2 id="outcomes-heading" className="text-lg font-semibold">
          Scores against the goal
        </h2>
        <p className="text-sm text-slate-700">
          {measure.name}
          {unit ? ` (${measure.unit})` : ""} · goal {formatNumber(goal)} by the end date
          {directionNote(measure.direction)}
        </p>
        <dl className="mt-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-3 lg:grid-cols-5">
          <Stat
            term="Pre-intervention average"
            className="text-xl font-semibold"
            data-testid="pre-average"
            note={e.preAverage === null ? notEnoughScores(withScores, total) : partial}
          >
            {e.preAverage === null ? "—" : formatNumber(e.preAverage, 1)}
          </Stat>
          <Stat
            term="Current average"
            className="text-xl font-semibold"
            data-testid="current-average"
            note={e.currentAverage === null ? notEnoughScores(withScores, total) : partial}
          >
            {e.currentAverage === null ? "—" : formatNumber(e.currentAverage, 1)}
          </Stat>
          <Stat
            term="Change"
            className="text-xl font-semibold"
            data-testid="change"
            note={
              e.change === null
                ? notEnoughScores(withScores, total)
                : `${e.change === 0 ? "no change" : e.change > 0 ? "up" : "down"}${directionNote(measure.direction)}`
            }
          >
            {e.change === null ? "—" : signed(e.change)}
          </Stat>
          <Stat
            term="Students progressing"
            className="text-xl font-semibold"
            data-testid="students-progressing"
            note={
              total === 0
                ? "No students enrolled."
                : withScores < total
                  ? `${total - withScores} without a score yet count as not progressing.`
                  : "Trend rising, or the latest score above the baseline."
            }
          >
            {total === 0
              ? "—"
              : `${e.studentsProgressing.count} of ${total}, ${percent(e.studentsProgressing.rate)}`}
          </Stat>
          <Stat
            term="Projected end average"
            className="text-xl font-semibold"
            data-testid="projected-end-average"
            note={
              e.projectedEndAverage === null
                ? notEnoughScores(withScores, total)
                : `against a goal of ${formatNumber(goal)}`
            }
          >
            {e.projectedEndAverage === null ? "—" : formatNumber(e.projectedEndAverage, 1)}
          </Stat>
        </dl>
      </Card>

      <Card aria-labelledby="delivery-heading">
        <h2 id="delivery-heading" className="text-lg font-semibold">
          Attendance and fidelity
        </h2>
        <dl className="mt-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
          <Stat
            term="Attendance rate"
            className="text-xl font-semibold"
            data-testid="effectiveness-attendance-rate"
            note={e.attendanceRate === null ? "No attendance taken yet." : "Of all marks taken."}
          >
            {percent(e.attendanceRate)}
          </Stat>
          <Stat
            term="Fidelity"
            className="text-xl font-semibold"
            data-testid="fidelity"
            note={
              e.fidelity === null
                ? "No session scheduled to date yet."
                : e.fidelityDetail.trusted
                  ? `At or above ${percent(e.fidelityDetail.threshold)}: the scores can be trusted.`
                  : `Below ${percent(e.fidelityDetail.threshold)}: read the scores with care.`
            }
          >
            {percent(e.fidelity)}
          </Stat>
          <Stat
            term="Sessions held"
            className="text-xl font-semibold"
            note="Of those scheduled to date."
          >
            {percent(e.fidelityDetail.sessionRate)}
          </Stat>
          <Stat
            term="Minutes delivered"
            className="text-xl font-semibold"
            note="Of those planned to date."
          >
            {percent(e.fidelityDetail.minutesRate)}
          </Stat>
        </dl>
      </Card>

      <Card aria-labelledby="investment-heading">
        <h2 id="investment-heading" className="text-lg font-semibold">
          Hours invested and cost
        </h2>
        <dl className="mt-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
          <Stat
            term="Staff hours"
            className="text-xl font-semibold"
            data-testid="staff-hours"
            note="Sessions held × minutes × facilitators."
          >
            {formatNumber(e.staffHours, 1)} h
          </Stat>
          <Stat
            term="Student hours"
            className="text-xl font-semibold"
            data-testid="student-hours"
            note="Sessions attended × minutes."
          >
            {formatNumber(e.studentHours, 1)} h
          </Stat>
          <Stat
            term="Cost"
            className="text-xl font-semibold"
            data-testid="cost"
            note={
              cost === null
                ? "No hourly staff cost or resource costs are recorded, so the cost is given in staff hours."
                : cost.perStudent === null
                  ? undefined
                  : `${money(cost.perStudent)} per student`
            }
          >
            {cost === null ? `${formatNumber(e.staffHours, 1)} staff hours` : money(cost.total)}
          </Stat>
          <Stat
            term="Cost per point of gain"
            className="text-xl font-semibold"
            data-testid="cost-per-point"
            note={
              e.costPerPoint === null
                ? e.change === null
                  ? notEnoughScores(withScores, total)
                  : "No gain yet, so no cost per point."
                : cost?.perPoint != null
                  ? `${money(cost.perPoint)} per point`
                  : "Staff hours per point the average gained."
            }
          >
            {e.costPerPoint === null ? "—" : `${formatNumber(e.costPerPoint)} h`}
          </Stat>
        </dl>
      </Card>

      <Card aria-labelledby="group-chart-heading">
        <h2 id="group-chart-heading" className="text-lg font-semibold">
          The group's average against the aim line
        </h2>
        {groupPoints.length === 0 ? (
          <p className="mt-2 text-slate-700" data-testid="group-chart-empty">
            {notEnoughScores(withScores, total)}
          </p>
        ) : (
          <GroupChart
            measureName={measure.name}
            points={groupPoints}
            aim={aim}
            projected={
              e.projectedEndAverage === null
                ? null
                : { date: endDate, value: e.projectedEndAverage }
            }
            studentCount={total}
          />
        )}
      </Card>

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
                        {s.decision === null
                          ? "No baseline yet"
                          : VERDICT_LABELS[s.decision.verdict]}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <h3 className="mt-4 font-semibold">Each student's scores and aim line</h3>
            <p className="text-sm text-slate-700">
              One scale for every chart; the dashed green line runs from the student's baseline to
              the goal.
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
                <li
                  key={n.studentId}
                  className="rounded-md border border-amber-300 bg-amber-50 p-3"
                >
                  <p className="font-semibold">{name}</p>
                  <p className="text-sm">{n.reason}</p>
                  <p className="mt-1 text-sm">
                    {canDecideTier ? (
                      <TextLink
                        href={`/students/${n.studentId}#tier-to`}
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
    </div>
  );
}

/**
 * Dollars and cents: the districts are US K-12 districts. No cost is stored yet (docs/domain.md,
 * "Effectiveness of an intervention": `cost` is null until hourly costs exist).
 */
function money(amount: number): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(amount);
}
