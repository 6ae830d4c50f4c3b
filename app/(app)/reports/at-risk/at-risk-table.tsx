"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { gradeLabel } from "@/components/interventions/format";
import { Button } from "@/components/ui/button";
import { Card, TierBadge } from "@/components/ui/card";
import { DataRow } from "@/components/ui/data-table";
import { SortableColumnHead } from "@/components/ui/sortable-column-head";
import { TextLink } from "@/components/ui/text-link";
import { type AtRiskRow, type AtRiskSort, suggestedTier } from "@/lib/domain/reports/at-risk";

const COLUMNS: { sort: AtRiskSort; label: string }[] = [
  { sort: "name", label: "Student" },
  { sort: "grade", label: "Grade" },
  { sort: "school", label: "School" },
  { sort: "score", label: "Score" },
  { sort: "recommendedTier", label: "Recommended" },
  { sort: "currentTier", label: "Current tier" },
];

/**
 * One page of the report's rows with a checkbox each; "Create intervention" opens the form
 * prefilled with the students picked on this page.
 */
export function AtRiskTable({
  rows,
  total,
  firstRow,
  subject,
  sort,
  direction,
  sortHrefs,
}: {
  rows: AtRiskRow[];
  /** Students below the cut on every page. */
  total: number;
  /** The number of this page's first row in the whole list. */
  firstRow: number;
  subject: string;
  sort: AtRiskSort;
  direction: "asc" | "desc";
  sortHrefs: Record<string, string>;
}) {
  const router = useRouter();
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const chosen = rows.filter((r) => picked.has(r.studentId));
  const allPicked = rows.length > 0 && chosen.length === rows.length;

  const toggle = (id: string) =>
    setPicked((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const createIntervention = () => {
    const params = new URLSearchParams({
      studentIds: chosen.map((r) => r.studentId).join(","),
      tier: String(suggestedTier(chosen)),
      focusArea: subject,
    });
    router.push(`/interventions/new?${params}`);
  };

  return (
    <Card className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p aria-live="polite" data-testid="at-risk-count">
          <span className="font-semibold">{total}</span> {total === 1 ? "student" : "students"}{" "}
          below the Tier 1 cut
          {total > rows.length && rows.length > 0 ? (
            <>
              {" "}
              · showing {firstRow}–{firstRow + rows.length - 1}
            </>
          ) : null}
          {chosen.length > 0 ? (
            <>
              {" "}
              · <span className="font-semibold">{chosen.length}</span> selected
            </>
          ) : null}
        </p>
        <Button onClick={createIntervention} disabled={chosen.length === 0}>
          Create intervention{chosen.length > 0 ? ` for ${chosen.length}` : ""}
        </Button>
      </div>
      {rows.length === 0 ? (
        <p className="text-slate-700">No student of this selection scored below the Tier 1 cut.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="at-risk-table">
            <caption className="sr-only">
              Students below the Tier 1 cut, sorted by {sort}
              {total > rows.length
                ? `, ${firstRow} to ${firstRow + rows.length - 1} of ${total}`
                : ""}
            </caption>
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3">
                  <input
                    type="checkbox"
                    aria-label="Select all students on this page"
                    checked={allPicked}
                    onChange={() =>
                      setPicked(allPicked ? new Set() : new Set(rows.map((r) => r.studentId)))
                    }
                    className="size-4"
                  />
                </th>
                {COLUMNS.map((column) => (
                  <SortableColumnHead
                    key={column.sort}
                    label={column.label}
                    href={sortHrefs[column.sort] ?? "?"}
                    sorted={column.sort === sort}
                    direction={direction}
                  />
                ))}
                <th scope="col" className="py-2 pr-4 font-medium">
                  Current interventions
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Teacher
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const name = `${row.firstName} ${row.lastName}`;
                return (
                  <DataRow key={row.studentId} data-testid="at-risk-row">
                    <td className="py-2 pr-3">
                      <input
                        type="checkbox"
                        aria-label={`Select ${name}`}
                        checked={picked.has(row.studentId)}
                        onChange={() => toggle(row.studentId)}
                        className="size-4"
                      />
                    </td>
                    <td className="py-2 pr-4">
                      <TextLink href={`/students/${row.studentId}`} className="font-medium">
                        {name}
                      </TextLink>
                      <div className="text-xs text-slate-600">{row.localId}</div>
                    </td>
                    <td className="py-2 pr-4">{gradeLabel(row.grade)}</td>
                    <td className="py-2 pr-4">{row.schoolName}</td>
                    <td className="py-2 pr-4" data-testid="score">
                      <span className="font-semibold">{row.score}</span>
                      <span className="text-xs text-slate-600"> / cut {row.tier1Cut}</span>
                      {row.percentile !== null ? (
                        <div className="text-xs text-slate-600">{row.percentile}th percentile</div>
                      ) : null}
                    </td>
                    <td className="py-2 pr-4" data-testid="recommended-tier">
                      <TierBadge tier={row.recommendedTier} />
                    </td>
                    <td className="py-2 pr-4">Tier {row.currentTier}</td>
                    <td className="py-2 pr-4">
                      {row.interventions.length === 0 ? (
                        <span className="text-slate-500">None</span>
                      ) : (
                        <ul>
                          {row.interventions.map((i) => (
                            <li key={i.id}>
                              <TextLink href={`/interventions/${i.id}`}>{i.name}</TextLink>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className="py-2 pr-4">{row.teachers.join(", ") || "—"}</td>
                  </DataRow>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
