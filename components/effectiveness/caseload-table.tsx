import { fullName, percent } from "@/components/attendance/format";
import { gradeLabel } from "@/components/interventions/format";
import { TierBadge } from "@/components/ui/card";
import { DataRow, DataTable } from "@/components/ui/data-table";
import { TextLink } from "@/components/ui/text-link";
import { formatDate } from "@/lib/domain/calendar/format";
import { CHANCE_LABELS, type ChanceBand, NEXT_DECISION_LABELS } from "@/lib/domain/effectiveness";
import type { CaseloadRow } from "@/lib/use-cases/progress/caseload";

/** Colour helps the eye; the word beside it carries the meaning (never colour alone). */
const BAND_CLASSES: Record<ChanceBand, string> = {
  "on-track": "bg-emerald-100 text-emerald-900 border-emerald-300",
  "at-risk": "bg-amber-100 text-amber-900 border-amber-300",
  unlikely: "bg-red-100 text-red-900 border-red-300",
  "not-enough-data": "bg-slate-100 text-slate-800 border-slate-300",
};

function ChanceBadge({ row }: { row: Pick<CaseloadRow, "band" | "chance" | "chanceNote"> }) {
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full border px-2.5 py-0.5 text-xs font-semibold ${BAND_CLASSES[row.band]}`}
      data-band={row.band}
      data-testid="chance"
      title={row.chanceNote ?? undefined}
    >
      {CHANCE_LABELS[row.band]}
      {row.chance === null ? null : <span className="font-normal"> ({percent(row.chance)})</span>}
    </span>
  );
}

/**
 * The caseload (app/(app)/caseload/page.tsx): each student of the specialist's groups, the
 * chance of reaching the group's goal in a word and a colour, and the group's next decision.
 */
export function CaseloadTable({ rows }: { rows: readonly CaseloadRow[] }) {
  return (
    <DataTable
      columns={["Student", "Grade", "Group", "Chance of reaching the goal", "Next decision due"]}
      caption="Your students and the decisions due"
      data-testid="caseload-table"
    >
      {rows.map((row) => (
        <DataRow key={`${row.studentId}|${row.group.id}`} data-testid="caseload-row">
          <td className="py-2 pr-4">
            <TextLink href={`/students/${row.studentId}`} className="font-medium">
              {fullName(row)}
            </TextLink>
          </td>
          <td className="py-2 pr-4">{gradeLabel(row.grade)}</td>
          <td className="py-2 pr-4">
            <TextLink href={`/interventions/${row.group.id}/effectiveness`}>
              {row.group.name}
            </TextLink>
            <div className="mt-1 flex items-center gap-2 text-xs text-slate-600">
              <TierBadge tier={row.group.tier} /> {row.group.focusArea}
            </div>
          </td>
          <td className="py-2 pr-4">
            <ChanceBadge row={row} />
            {row.chanceNote ? (
              <div className="mt-1 text-xs text-slate-600">{row.chanceNote}</div>
            ) : null}
          </td>
          <td className="py-2 pr-4" data-testid="next-decision">
            <span className="font-medium">{NEXT_DECISION_LABELS[row.nextDecision.kind]}</span>
            <div className={row.nextDecision.overdue ? "text-red-800" : "text-slate-700"}>
              {row.nextDecision.overdue ? "Overdue since " : "By "}
              {formatDate(row.nextDecision.date)}
            </div>
          </td>
        </DataRow>
      ))}
    </DataTable>
  );
}
