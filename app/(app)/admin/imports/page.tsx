import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { DataRow, DataTable } from "@/components/ui/data-table";
import { TextLink } from "@/components/ui/text-link";
import { formatMoment } from "@/lib/domain/calendar/format";
import { isDistrictAdmin } from "@/lib/domain/policy";
import { contextFor, requireActor } from "@/lib/server/actor";
import { listImportRuns } from "@/lib/use-cases/imports/list-import-runs";
import { AdminPageHeader } from "../admin-page-header";
import { UploadForm } from "./upload-form";

export const metadata: Metadata = { title: "Imports" };

const STATUS_LABELS: Record<string, string> = {
  running: "Running",
  completed: "Completed",
  failed: "Failed — nothing saved",
  refused: "Refused — nothing saved",
};

function totals(summary: unknown): string {
  if (!summary || typeof summary !== "object") return "";
  if ("error" in summary) return String((summary as { error: unknown }).error);
  const sum = { created: 0, updated: 0, deactivated: 0, rejected: 0 };
  for (const counts of Object.values(summary as Record<string, typeof sum>)) {
    for (const key of Object.keys(sum) as (keyof typeof sum)[]) sum[key] += counts[key] ?? 0;
  }
  return `${sum.created} created · ${sum.updated} updated · ${sum.deactivated} deactivated · ${sum.rejected} rejected`;
}

export default async function ImportsPage() {
  const actor = await requireActor();
  if (!isDistrictAdmin(actor)) notFound();
  const runs = await listImportRuns(contextFor(actor));
  return (
    <div className="space-y-6">
      <AdminPageHeader title="Imports">
        Schools, staff, students, guardians and class rosters come from your student information
        system as a OneRoster 1.1 CSV export. Importing the same export again changes nothing; rows
        marked <code>tobedeleted</code> are deactivated. Screening scores are imported on the{" "}
        <Link href="/admin/assessments" className="text-brand-700 underline">
          assessments page
        </Link>
        . From a terminal: <code>npm run import -- oneroster export.zip --district {"<slug>"}</code>
        .
      </AdminPageHeader>
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">Import a OneRoster bundle</h2>
        <UploadForm
          endpoint="/admin/imports/upload"
          accept=".zip,.csv"
          multiple
          label="OneRoster export"
          hint="The .zip, or its CSV files chosen together (manifest.csv, orgs.csv, users.csv, classes.csv, enrollments.csv, courses.csv, academicSessions.csv, demographics.csv). A guardian's letter language may be given in a metadata.language column of users.csv."
        />
      </Card>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">Recent imports</h2>
        {runs.length === 0 ? (
          <p className="text-slate-700">Nothing imported yet.</p>
        ) : (
          <DataTable
            columns={["Started", "What", "Source", "Status", "Result"]}
            data-testid="import-runs"
          >
            {runs.map((run) => (
              <DataRow key={run.id}>
                <td className="py-2 pr-4 whitespace-nowrap">
                  <TextLink href={`/admin/imports/${run.id}`}>
                    {formatMoment(run.startedAt, actor.timeZone)}
                  </TextLink>
                </td>
                <td className="py-2 pr-4">
                  {run.kind === "oneroster" ? "Roster (OneRoster)" : "Assessment results"}
                </td>
                <td className="py-2 pr-4 break-all">{run.sourceName ?? "—"}</td>
                <td className="py-2 pr-4">{STATUS_LABELS[run.status] ?? run.status}</td>
                <td className="py-2 pr-4">{totals(run.summary)}</td>
              </DataRow>
            ))}
          </DataTable>
        )}
      </Card>
    </div>
  );
}
