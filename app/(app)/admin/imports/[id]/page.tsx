import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { BackLink } from "@/components/ui/text-link";
import { formatMoment } from "@/lib/domain/calendar/format";
import { isDistrictAdmin } from "@/lib/domain/policy";
import { getImportRun } from "@/lib/use-cases/imports/get-import-run";
import { adminRecord } from "../../admin-record";
import { ImportSummaryView } from "../import-summary";

export const metadata: Metadata = { title: "Import" };

export default async function ImportRunPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, record: run } = await adminRecord(params, isDistrictAdmin, getImportRun);
  const failed = "error" in run.summary;
  return (
    <div className="space-y-6">
      <BackLink href="/admin/imports">Imports</BackLink>
      <div>
        <h1 className="text-2xl font-bold">{run.sourceName ?? "Import"}</h1>
        <p className="text-slate-700">
          {run.kind === "oneroster" ? "Roster (OneRoster)" : "Assessment results"} · started{" "}
          {formatMoment(run.startedAt, actor.timeZone)}
          {run.finishedAt ? ` · finished ${formatMoment(run.finishedAt, actor.timeZone)}` : ""} ·{" "}
          {run.status}
        </p>
      </div>
      <Card>
        {failed ? (
          <p role="alert" className="text-red-800">
            {(run.summary as { error: string }).error}
          </p>
        ) : (
          <ImportSummaryView
            summary={run.summary as Exclude<typeof run.summary, { error: string }>}
            rejected={run.rejected}
            rejectedTotal={Math.max(
              run.rejected.length,
              Object.values(run.summary as Record<string, { rejected: number }>).reduce(
                (n, c) => n + c.rejected,
                0,
              ),
            )}
          />
        )}
      </Card>
    </div>
  );
}
