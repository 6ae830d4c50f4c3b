import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReferralPacket } from "@/components/referrals/referral-packet-view";
import { canPrepareReferralPacket } from "@/lib/domain/policy/referrals";
import { contextFor, requireActor } from "@/lib/server/actor";
import { idParam, orNotFound } from "@/lib/server/page";
import { getReferralPacket } from "@/lib/use-cases/referrals/get-referral-packet";
import { PrintButton } from "../../../admin/audit/students/[id]/print/print-button";

export const metadata: Metadata = { title: "Referral packet (print)" };

/**
 * The special-education referral packet as a printable page: the PDF's content, from the same
 * shaped data. Opening it is a disclosure, logged like the PDF's (format `print`).
 */
export default async function ReferralPacketPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const id = idParam((await params).id);
  if (!canPrepareReferralPacket(actor)) notFound();
  const { packet } = await orNotFound(
    getReferralPacket(contextFor(actor), id, { format: "print" }),
  );
  return (
    <div className="mx-auto max-w-4xl space-y-4 bg-white p-6 print:p-0">
      {/* Paper shows the packet only, not the app's header. */}
      <style>
        {"@media print { body > div > header, body > div > a { display: none !important; } }"}
      </style>
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <p className="text-sm text-slate-600">
          {actor.districtName} · Confidential: special education referral
        </p>
        <div className="flex gap-3">
          {/* A plain link: a prefetch would record a disclosure nobody asked for. */}
          <a href={`/students/${id}/referral-packet.pdf`} className="text-brand-700 underline">
            Download PDF
          </a>
          <PrintButton />
        </div>
      </div>
      <ReferralPacket packet={packet} />
    </div>
  );
}
