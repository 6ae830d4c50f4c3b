import { ColumnHeads } from "@/components/ui/column-heads";
import type { ImportCounts, RejectedRow } from "@/lib/domain/imports/summary";

const KIND_LABELS: Record<string, string> = {
  schools: "Schools",
  teachers: "Staff",
  students: "Students",
  guardians: "Guardians",
  guardianLinks: "Guardian ↔ student links",
  classes: "Classes",
  enrollments: "Class rosters",
  results: "Assessment results",
};

const COLUMNS = ["created", "updated", "deactivated", "unchanged", "rejected"] as const;

/** What an import did, per kind of record, and the rows it rejected with file, line and reason. */
export function ImportSummaryView({
  summary,
  rejected,
  rejectedTotal,
}: {
  summary: Record<string, ImportCounts>;
  rejected: RejectedRow[];
  rejectedTotal: number;
}) {
  return (
    <div className="space-y-4">
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="import-summary">
          <caption className="sr-only">Records by what the import did to them</caption>
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-4 font-medium">
                Records
              </th>
              {COLUMNS.map((c) => (
                <th key={c} scope="col" className="py-2 pr-4 text-right font-medium capitalize">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Object.entries(summary).map(([kind, counts]) => (
              <tr key={kind} className="border-b border-slate-100" data-testid={`summary-${kind}`}>
                <th scope="row" className="py-2 pr-4 font-medium">
                  {KIND_LABELS[kind] ?? kind}
                </th>
                {COLUMNS.map((c) => (
                  <td
                    key={c}
                    className={`py-2 pr-4 text-right tabular-nums ${c === "rejected" && counts[c] > 0 ? "font-semibold text-red-700" : ""}`}
                  >
                    {counts[c].toLocaleString("en-US")}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rejectedTotal > 0 ? (
        <div>
          <h3 className="font-semibold">
            Rejected rows ({rejectedTotal.toLocaleString("en-US")}
            {rejectedTotal > rejected.length ? `, the first ${rejected.length} listed` : ""})
          </h3>
          <p className="text-sm text-slate-700">
            Fix these in the source system and import again; the other rows are in.
          </p>
          {/* Scrollable, so it takes focus to be scrolled by keyboard (WCAG 2.1.1). */}
          <section
            className="mt-2 max-h-96 overflow-auto"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll container must take focus to be scrolled by keyboard
            tabIndex={0}
            aria-label="Rejected rows"
          >
            <table className="w-full text-left text-sm" data-testid="rejected-rows">
              <ColumnHeads
                columns={["File", "Line", "Reason"]}
                cellClassName="py-1 pr-4 font-medium"
              />
              <tbody>
                {rejected.map((row) => (
                  <tr
                    key={`${row.file}:${row.line}:${row.reason}`}
                    className="border-b border-slate-100"
                  >
                    <td className="py-1 pr-4 font-mono">{row.file}</td>
                    <td className="py-1 pr-4 tabular-nums">{row.line}</td>
                    <td className="py-1 pr-4">{row.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
      ) : null}
    </div>
  );
}
