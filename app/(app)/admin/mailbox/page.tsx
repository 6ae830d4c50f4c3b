import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataRow, DataTable } from "@/components/ui/data-table";
import { inputClasses } from "@/components/ui/field";
import { TextLink } from "@/components/ui/text-link";
import { formatMoment } from "@/lib/domain/calendar/format";
import { COMMUNICATION_STATUSES } from "@/lib/domain/letters/delivery";
import { isDistrictAdmin } from "@/lib/domain/policy";
import { firstParam, type SearchParams } from "@/lib/domain/search-params";
import { contextFor, requireActor } from "@/lib/server/actor";
import { listMailbox } from "@/lib/use-cases/communications/list-mailbox";
import { AdminPageHeader } from "../admin-page-header";
import { StatusBadge } from "./status-badge";

export const metadata: Metadata = { title: "Mailbox" };

const PAGE_SIZE = 50;

export default async function MailboxPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requireActor();
  if (!isDistrictAdmin(actor)) notFound();
  const params = await searchParams;
  const status = COMMUNICATION_STATUSES.find((s) => s === firstParam(params.status));
  const q = firstParam(params.q)?.slice(0, 100);
  const page = Math.max(1, Math.min(10_000, Number(firstParam(params.page)) || 1));
  const { rows, total } = await listMailbox(contextFor(actor), {
    status,
    q,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const pageHref = (n: number) =>
    `?${new URLSearchParams({ ...(status ? { status } : {}), ...(q ? { q } : {}), page: String(n) })}`;

  return (
    <div className="space-y-6">
      <AdminPageHeader title="Mailbox">
        Every letter and message of {actor.districtName}, kept permanently: to whom, what, when, why
        and how delivery went. Without a mail server (SMTP_URL) messages are kept here as “stored”
        instead of being sent.
      </AdminPageHeader>
      <Card>
        <form
          method="get"
          className="grid gap-3 sm:grid-cols-4 sm:items-end"
          aria-label="Filter messages"
        >
          <label className="space-y-1 text-sm font-medium text-slate-800 sm:col-span-2">
            Recipient or subject
            <input
              name="q"
              defaultValue={q ?? ""}
              className={inputClasses}
              placeholder="e.g. parent@…"
            />
          </label>
          <label className="space-y-1 text-sm font-medium text-slate-800">
            Status
            <select name="status" defaultValue={status ?? ""} className={inputClasses}>
              <option value="">Any status</option>
              {COMMUNICATION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className={buttonClasses("secondary")}>
            Filter
          </button>
        </form>
      </Card>
      <Card>
        <p className="mb-3 text-sm text-slate-700" data-testid="mailbox-total">
          {total} {total === 1 ? "message" : "messages"}
        </p>
        {rows.length === 0 ? (
          <p className="text-slate-700">No messages.</p>
        ) : (
          <DataTable
            columns={["Written", "To", "About", "Subject", "Language", "Status"]}
            data-testid="mailbox"
            caption="Messages, newest first"
          >
            {rows.map((row) => (
              <DataRow key={row.id} data-testid="mailbox-row">
                <td className="py-2 pr-4 whitespace-nowrap">
                  {formatMoment(row.createdAt, actor.timeZone)}
                </td>
                <td className="py-2 pr-4">{row.toAddress ?? "—"}</td>
                <td className="py-2 pr-4">
                  {row.studentName ?? "—"}
                  {row.reason ? <div className="text-xs text-slate-600">{row.reason}</div> : null}
                </td>
                <td className="py-2 pr-4">
                  <TextLink href={`/admin/mailbox/${row.id}`}>{row.subject}</TextLink>
                </td>
                <td className="py-2 pr-4 uppercase">{row.language}</td>
                <td className="py-2 pr-4">
                  <StatusBadge status={row.status} />
                  {row.attempts > 1 || row.lastError ? (
                    <div className="text-xs text-slate-600">
                      {row.attempts} attempts{row.lastError ? ` · ${row.lastError}` : ""}
                    </div>
                  ) : null}
                </td>
              </DataRow>
            ))}
          </DataTable>
        )}
        <nav aria-label="Pages" className="mt-4 flex gap-3 text-sm">
          {page > 1 ? (
            <Link href={pageHref(page - 1)} className="text-brand-700 underline">
              Newer
            </Link>
          ) : null}
          {page * PAGE_SIZE < total ? (
            <Link href={pageHref(page + 1)} className="text-brand-700 underline">
              Older
            </Link>
          ) : null}
        </nav>
      </Card>
    </div>
  );
}
