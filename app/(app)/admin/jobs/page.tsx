import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { formatMoment } from "@/lib/domain/calendar/format";
import { isDistrictAdmin } from "@/lib/domain/policy";
import { contextFor, requireActor } from "@/lib/server/actor";
import { jobOverview } from "@/lib/use-cases/jobs/job-overview";
import { AdminPageHeader } from "../admin-page-header";
import { StatusBadge } from "../mailbox/status-badge";

export const metadata: Metadata = { title: "Background jobs" };

/** pg-boss's states, in the words the page uses. */
const STATE_WORDS: Record<string, string> = {
  created: "queued",
  retry: "waiting to retry",
  active: "running",
  completed: "done",
  failed: "failed",
  cancelled: "cancelled",
};

export default async function JobsPage() {
  const actor = await requireActor();
  if (!isDistrictAdmin(actor)) notFound();
  const { queues, recent } = await jobOverview(contextFor(actor));
  const when = (instant: Date | null) => formatMoment(instant, actor.timeZone);

  return (
    <div className="space-y-6">
      <AdminPageHeader title="Background jobs">
        The work that runs behind the pages: mail delivery and the nightly housekeeping. A job that
        fails is tried again; one that keeps failing shows here as failed.
      </AdminPageHeader>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">Kinds of job</h2>
        <DataTable
          columns={["Job", "Runs", "Queued", "Running", "Done", "Retried", "Failed", "Last done"]}
        >
          {queues.map(({ kind, counts }) => (
            <tr key={kind.name} className="border-t border-slate-200 align-top">
              <td className="py-2 pr-3">
                <span className="font-medium">{kind.name}</span>
                <span className="block text-slate-700">{kind.description}</span>
              </td>
              <td className="py-2 pr-3">{kind.when}</td>
              <td className="py-2 pr-3">{counts?.waiting ?? 0}</td>
              <td className="py-2 pr-3">{counts?.running ?? 0}</td>
              <td className="py-2 pr-3">{counts?.done ?? 0}</td>
              <td className="py-2 pr-3">{counts?.retried ?? 0}</td>
              <td className="py-2 pr-3">{counts?.failed ?? 0}</td>
              <td className="py-2">{counts ? when(counts.lastDone) : "not run yet"}</td>
            </tr>
          ))}
        </DataTable>
      </Card>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">Waiting, retried or failed</h2>
        {recent.length === 0 ? (
          <p className="text-slate-700">Nothing waiting, and nothing failed or retried lately.</p>
        ) : (
          <DataTable
            columns={["Job", "State", "Tries", "Created", "Finished", "Error"]}
            aria-label="Recent jobs"
          >
            {recent.map((job) => (
              <tr key={job.id} className="border-t border-slate-200 align-top">
                <td className="py-2 pr-3 font-medium">{job.queue}</td>
                <td className="py-2 pr-3">
                  <StatusBadge status={STATE_WORDS[job.state] ?? job.state} />
                </td>
                <td className="py-2 pr-3">
                  {job.retryCount + 1} of {job.retryLimit + 1}
                </td>
                <td className="py-2 pr-3">{when(job.createdOn)}</td>
                <td className="py-2 pr-3">{when(job.completedOn)}</td>
                <td className="py-2 text-slate-700">{job.error ?? "—"}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </div>
  );
}
