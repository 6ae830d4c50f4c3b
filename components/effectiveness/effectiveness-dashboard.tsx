import { percent } from "@/components/attendance/format";
import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import {
  groupAverageByWeek,
  isPastMidpoint,
  recommendationReason,
} from "@/lib/domain/effectiveness";
import { directionNote, formatNumber } from "@/lib/domain/progress";
import { money, notEnoughScores, signed } from "./dashboard-text";
import { GroupChart } from "./group-chart";
import { type DashboardProps, NonRespondersCard, StudentsCard } from "./student-cards";

/**
 * Scenario 6's dashboard of one group: the recommendation and the rule behind it, outcomes,
 * delivery, investment, the charts, each student, and the non-responders with a way to the tier
 * decision. Every figure is getEffectiveness's (definitions: docs/domain.md, "Effectiveness of
 * an intervention"); this only lays them out and says when there is not enough data.
 */
export function EffectivenessDashboard({ data, interventionId, canDecideTier }: DashboardProps) {
  const { effectiveness: e, measure, students, startDate, endDate, today } = data;
  const goal = measure.goal;
  const unit = measure.unit ? ` ${measure.unit}` : "";
  const total = students.length;
  const withScores = students.filter((s) => s.scoreCount > 0).length;
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

      <StudentsCard data={data} />

      <NonRespondersCard
        data={data}
        interventionId={interventionId}
        canDecideTier={canDecideTier}
      />
    </div>
  );
}
