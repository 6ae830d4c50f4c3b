import { percent } from "@/components/attendance/format";
import { TierBadge } from "@/components/ui/card";
import { DataRow } from "@/components/ui/data-table";
import { SortableColumnHead } from "@/components/ui/sortable-column-head";
import { TextLink } from "@/components/ui/text-link";
import { formatNumber } from "@/lib/domain/progress";
import {
  type DistrictFigure,
  type DistrictRow,
  type DistrictSort,
  formatCost,
} from "@/lib/domain/reports/district-effectiveness";

const COLUMNS: { sort: DistrictSort; label: string }[] = [
  { sort: "name", label: "Group" },
  { sort: "school", label: "School" },
  { sort: "tier", label: "Tier" },
  { sort: "focusArea", label: "Focus area" },
  { sort: "facilitators", label: "Facilitators" },
  { sort: "fidelity", label: "Fidelity" },
  { sort: "progressing", label: "% progressing" },
  { sort: "projected", label: "Projected vs goal" },
  { sort: "costPerStudent", label: "Cost per student" },
  { sort: "costPerPoint", label: "Cost per point of gain" },
];

/** "—" with the reason: in the title for a pointer, in the text for a screen reader. */
function Missing({ row, figure }: { row: DistrictRow; figure: DistrictFigure }) {
  const reason = row.why[figure] ?? "Not known.";
  return (
    <span title={reason} data-testid="no-figure" className="cursor-help text-slate-500">
      —<span className="sr-only"> ({reason})</span>
    </span>
  );
}

/**
 * The district view's table (app/(app)/reports/district/page.tsx): one row per active group,
 * each column header a link that sorts by it (a second click turns the order round). Figures
 * are lib/domain/reports/district-effectiveness.ts's; this only writes them.
 */
export function DistrictTable({
  rows,
  sort,
  direction,
  sortHrefs,
}: {
  rows: readonly DistrictRow[];
  sort: DistrictSort;
  direction: "asc" | "desc";
  sortHrefs: Record<DistrictSort, string>;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="district-table">
        <caption className="sr-only">
          Active groups of the district, sorted by{" "}
          {COLUMNS.find((c) => c.sort === sort)?.label ?? sort},{" "}
          {direction === "asc" ? "ascending" : "descending"}
        </caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            {COLUMNS.map((column) => (
              <SortableColumnHead
                key={column.sort}
                label={column.label}
                href={sortHrefs[column.sort]}
                sorted={column.sort === sort}
                direction={direction}
              />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <DataRow key={row.id} data-testid="district-row">
              <td className="py-2 pr-4">
                <TextLink
                  href={`/interventions/${row.id}/effectiveness`}
                  className="font-medium"
                  data-testid="group-name"
                >
                  {row.name}
                </TextLink>
                <div className="text-xs text-slate-600">
                  {row.studentCount} student{row.studentCount === 1 ? "" : "s"}
                </div>
              </td>
              <td className="py-2 pr-4" data-testid="school">
                {row.schoolName ?? <span className="text-slate-500">No school recorded</span>}
              </td>
              <td className="py-2 pr-4">
                <TierBadge tier={row.tier} />
              </td>
              <td className="py-2 pr-4">{row.focusArea}</td>
              <td className="py-2 pr-4">
                {row.facilitators.length === 0
                  ? "—"
                  : row.facilitators.map((f) => f.name).join(", ")}
              </td>
              <td className="py-2 pr-4" data-testid="fidelity">
                {row.fidelity === null ? (
                  <Missing row={row} figure="fidelity" />
                ) : (
                  percent(row.fidelity)
                )}
              </td>
              <td className="py-2 pr-4" data-testid="progressing">
                {row.progressing === null ? (
                  <Missing row={row} figure="progressing" />
                ) : (
                  <>
                    <span className="font-semibold">{percent(row.progressing.rate)}</span>
                    <span className="text-xs text-slate-600">
                      {" "}
                      ({row.progressing.count}/{row.progressing.total})
                    </span>
                  </>
                )}
              </td>
              <td className="py-2 pr-4" data-testid="projected">
                {row.projectedEndAverage === null || row.goal === null ? (
                  <Missing row={row} figure="projected" />
                ) : (
                  <>
                    {formatNumber(row.projectedEndAverage, 1)}
                    <span className="text-xs text-slate-600"> / goal {formatNumber(row.goal)}</span>
                  </>
                )}
              </td>
              <td className="py-2 pr-4" data-testid="cost-per-student">
                {row.costPerStudent === null ? (
                  <Missing row={row} figure="costPerStudent" />
                ) : (
                  formatCost(row.costPerStudent, row.costUnit)
                )}
              </td>
              <td className="py-2 pr-4" data-testid="cost-per-point">
                {row.costPerPoint === null ? (
                  <Missing row={row} figure="costPerPoint" />
                ) : (
                  formatCost(row.costPerPoint, row.costUnit)
                )}
              </td>
            </DataRow>
          ))}
        </tbody>
      </table>
    </div>
  );
}
