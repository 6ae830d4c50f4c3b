import { Check, X } from "lucide-react";
import { formatDate } from "@/lib/domain/calendar/format";
import type { ExitReport as Report } from "@/lib/domain/exit";

const TITLES: Record<string, string> = {
  "consecutive-proficient-probes": "Consecutive proficient probes",
  "benchmark-at-grade-level": "Benchmark at grade level",
  "facilitator-recommends": "Facilitator recommends",
};

/** The exit recommendation report: each criterion, met or not, with the data behind it. */
export function ExitReport({ report }: { report: Report }) {
  return (
    <div className="space-y-3" data-testid="exit-report">
      <ul className="space-y-2">
        {report.criteria.map((criterion) => (
          <li key={criterion.key} className="flex gap-2">
            {criterion.met ? (
              <Check aria-hidden className="mt-0.5 h-5 w-5 shrink-0 text-emerald-700" />
            ) : (
              <X aria-hidden className="mt-0.5 h-5 w-5 shrink-0 text-red-700" />
            )}
            <div>
              <p className="font-medium">
                {TITLES[criterion.key] ?? criterion.key}
                <span className="sr-only">{criterion.met ? ": met" : ": not met"}</span>
              </p>
              <p className="text-sm text-slate-700">{criterion.detail}</p>
            </div>
          </li>
        ))}
      </ul>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-2">
        <div>
          <dt className="font-medium text-slate-800">
            Probes ({report.measureName ?? "the group's measure"})
          </dt>
          <dd className="text-slate-700">
            {report.probes.length === 0
              ? "None recorded"
              : report.probes.map((p) => `${formatDate(p.date)}: ${p.value}`).join(" · ")}
            {report.proficiencyTarget !== null
              ? ` (target ${report.proficiencyTarget}, ${report.probesNeeded} in a row)`
              : ""}
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-800">Latest benchmark</dt>
          <dd className="text-slate-700">
            {report.benchmark
              ? `${report.benchmark.assessmentName}, ${formatDate(report.benchmark.administeredOn)}: ${report.benchmark.score} (cut ${report.benchmark.cut}, ${report.benchmark.cutSource === "group" ? "the group's own" : "the district's screening cut"})`
              : "None recorded"}
          </dd>
        </div>
      </dl>
      <p className="text-xs text-slate-600">Evaluated {formatDate(report.evaluatedOn)}.</p>
    </div>
  );
}
