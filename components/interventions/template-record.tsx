import { DataRow, DataTable } from "@/components/ui/data-table";
import { formatNumber, formatPercent } from "@/lib/domain/progress/format";
import type { TemplateStatsDto } from "@/lib/domain/templates/record";
import type { TemplateDto } from "@/lib/domain/templates/schemas";

/**
 * A template's record in words (issue 12 item 4; definitions in docs/domain.md "Templates'
 * record"). The sample size is written beside every figure drawn from it, so a striking number
 * from three students reads as what it is.
 */

const students = (n: number) => `${n} ${n === 1 ? "student" : "students"}`;

function rankText(stats: TemplateStatsDto): string {
  if (stats.rank !== null) return `#${stats.rank}`;
  if (stats.notRankedBecause === "too-few-students")
    return `too few students to compare (fewer than ${stats.minStudentsToRank})`;
  if (stats.notRankedBecause === "no-effect-size") return "no effect size yet";
  return "not ranked";
}

function effectSizeText(stats: TemplateStatsDto): string {
  const effect = stats.record.effectSize;
  if (effect === null)
    return `— (needs 5 students with a pre and a current score; ${stats.record.studentsWithScores} so far)`;
  return `g = ${formatNumber(effect.g)} (95 % CI ${formatNumber(effect.low)} to ${formatNumber(effect.high)}, n = ${effect.n})`;
}

function growthText(stats: TemplateStatsDto): string {
  const { medianWeeklyGrowth, typicalWeeklyGrowth, growthAgainstTypical, studentsWithGrowth } =
    stats.record;
  if (medianWeeklyGrowth === null) return "— (no student has 3 scores yet)";
  const unit = stats.measure?.unit ? ` ${stats.measure.unit}` : "";
  const median = `${formatNumber(medianWeeklyGrowth)}${unit} a week (n = ${studentsWithGrowth})`;
  if (typicalWeeklyGrowth === null || growthAgainstTypical === null)
    return `${median}; no typical rate known for this measure, not compared`;
  return `${median} against a typical ${formatNumber(typicalWeeklyGrowth)}: ${formatNumber(growthAgainstTypical)} × typical`;
}

function respondingText(stats: TemplateStatsDto): string {
  const { count, total, rate } = stats.record.responding;
  return rate === null ? "—" : `${count} of ${total} (${formatPercent(rate)})`;
}

const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const formatDollars = (amount: number) => dollars.format(amount);

/** The selected template's whole record, under the picker. */
export function TemplateRecordSummary({ stats }: { stats: TemplateStatsDto }) {
  const { record } = stats;
  return (
    <div data-testid="template-record" className="space-y-1 border-t border-slate-200 pt-2">
      <p className="font-medium text-slate-900">
        Record: {record.groupsRun} {record.groupsRun === 1 ? "group" : "groups"} run,{" "}
        {students(record.studentsServed)} served · most effective: {rankText(stats)}
      </p>
      {record.studentsServed === 0 ? (
        <p>No group started from this template has begun yet.</p>
      ) : (
        <ul className="list-inside list-disc">
          <li>Responding (progressing): {respondingText(stats)}</li>
          <li>Median rate of improvement: {growthText(stats)}</li>
          <li>Effect size, pre to current: {effectSizeText(stats)}</li>
          <li>
            Exit rate:{" "}
            {record.exitRate === null
              ? "—"
              : `${record.studentsExited} of ${record.studentsServed} (${formatPercent(record.exitRate)})`}
          </li>
          <li>
            Cost to date:{" "}
            {record.cost === null
              ? "—"
              : `${formatDollars(record.cost)} in all${record.costPerStudent === null ? "" : `, ${formatDollars(record.costPerStudent)} per student`}${record.costPerPoint === null ? ", none per point (no gain yet)" : `, ${formatDollars(record.costPerPoint)} per student per point of gain`}`}
          </li>
          <li>
            Staff hours: {formatNumber(record.staffHours, 1)} in all
            {record.staffHoursPerStudent === null
              ? ""
              : `, ${formatNumber(record.staffHoursPerStudent, 1)} per student`}
            {record.staffHoursPerPoint === null
              ? ", none per point (no gain yet)"
              : `, ${formatNumber(record.staffHoursPerPoint)} per student per point of gain`}
          </li>
        </ul>
      )}
    </div>
  );
}

/** Every template's record, in the picker's order, each with a button that picks it. */
export function TemplateRecordTable({
  templates,
  stats,
  onPick,
}: {
  templates: readonly TemplateDto[];
  stats: ReadonlyMap<string, TemplateStatsDto>;
  onPick: (template: TemplateDto) => void;
}) {
  return (
    <DataTable
      caption="Templates' record"
      columns={["Template", "Most effective", "Students served", "Responding", "Effect size"]}
    >
      {templates.map((template) => {
        const s = stats.get(template.id);
        return (
          <DataRow key={template.id}>
            <td className="py-2 pr-4">
              <button
                type="button"
                className="text-left font-medium text-brand-700 underline"
                onClick={() => onPick(template)}
              >
                {template.name}
              </button>
            </td>
            <td className="py-2 pr-4">{s ? rankText(s) : "—"}</td>
            <td className="py-2 pr-4">{s ? `n = ${s.record.studentsServed}` : "—"}</td>
            <td className="py-2 pr-4">{s ? respondingText(s) : "—"}</td>
            <td className="py-2">
              {s?.record.effectSize
                ? `g = ${formatNumber(s.record.effectSize.g)} [${formatNumber(s.record.effectSize.low)}, ${formatNumber(s.record.effectSize.high)}]`
                : "—"}
            </td>
          </DataRow>
        );
      })}
    </DataTable>
  );
}
