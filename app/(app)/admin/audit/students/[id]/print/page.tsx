import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formatMoment } from "@/lib/domain/calendar/format";
import { canExportStudentRecord } from "@/lib/domain/policy";
import { contextFor, requireActor } from "@/lib/server/actor";
import { idParam, orNotFound } from "@/lib/server/page";
import { getDisclosedRecord } from "@/lib/use-cases/audit/get-disclosed-record";
import { StudentRecordSections } from "../record-sections";
import { PrintButton } from "./print-button";

export const metadata: Metadata = { title: "Compliance record (print)" };

/** The printable record of one recorded disclosure; without one there is nothing to print. */
export default async function PrintRecordPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ disclosure?: string }>;
}) {
  const actor = await requireActor();
  if (!canExportStudentRecord(actor)) notFound();
  const id = idParam((await params).id);
  const disclosureId = idParam((await searchParams).disclosure);
  const { disclosure, record } = await orNotFound(
    getDisclosedRecord(contextFor(actor), id, disclosureId),
  );
  return (
    <article className="mx-auto max-w-4xl space-y-6 bg-white p-6 print:p-0">
      {/* Paper shows the record only, not the app's header. */}
      <style>
        {"@media print { body > div > header, body > div > a { display: none !important; } }"}
      </style>
      <header className="space-y-1 border-b border-slate-300 pb-3">
        <p className="text-sm text-slate-600">
          {actor.districtName} · Confidential student record (FERPA)
        </p>
        <h1 className="text-2xl font-bold">
          {record.student.firstName} {record.student.lastName}
        </h1>
        <p className="text-sm">
          Disclosed to <strong>{disclosure.disclosedTo}</strong> for{" "}
          <strong>{disclosure.purpose}</strong> by{" "}
          {record.disclosures.find((d) => d.id === disclosure.id)?.disclosedByName ?? "—"},{" "}
          {formatMoment(disclosure.disclosedAt, actor.timeZone)}.
        </p>
        <PrintButton />
      </header>
      <StudentRecordSections record={record} timeZone={actor.timeZone} />
    </article>
  );
}
