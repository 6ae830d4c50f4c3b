import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { BackLink } from "@/components/ui/text-link";
import { formatDate } from "@/lib/domain/calendar/format";
import { LANGUAGE_NAMES } from "@/lib/domain/letters/templates";
import { canManageIntervention } from "@/lib/domain/policy";
import { contextFor, requireActor } from "@/lib/server/actor";
import { idParam, orNotFound } from "@/lib/server/page";
import { previewProgressSummary } from "@/lib/use-cases/families/preview-progress-summary";
import { holdSummaryAction, releaseSummaryAction } from "./actions";
import { HoldForm } from "./hold-form";

export const metadata: Metadata = { title: "Progress summary" };

/**
 * A specialist's view of a child's quarterly summary (issue 13, point 1): the coming one, as
 * each guardian would receive it with today's data, with a hold before it goes out, and the
 * summaries already written.
 */
export default async function SummaryPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const id = idParam((await params).id);
  if (!canManageIntervention(actor)) notFound();
  const preview = await orNotFound(previewProgressSummary(contextFor(actor), id));

  return (
    <div className="space-y-6">
      <div>
        <BackLink href={`/students/${id}`}>The student</BackLink>
        <h1 className="text-2xl font-bold">Progress summary</h1>
        <p className="max-w-3xl text-slate-700">
          What each family will receive after the reporting period ends, written with today's data
          in their language. Hold it if it should not go out yet.
        </p>
      </div>

      {preview.period ? (
        <Card aria-labelledby="coming-heading" className="space-y-4">
          <h2 id="coming-heading" className="text-lg font-semibold">
            {preview.period.name}: {formatDate(preview.period.from)} to{" "}
            {formatDate(preview.period.to)}
          </h2>
          {preview.hold ? (
            <p role="status" className="rounded-md bg-amber-50 p-3 text-amber-900">
              Held: {preview.hold.reason}
            </p>
          ) : null}
          <HoldForm
            studentId={id}
            periodId={preview.period.id}
            held={preview.hold !== null}
            hold={holdSummaryAction}
            release={releaseSummaryAction}
          />
          {preview.letters.length === 0 ? (
            <p className="text-slate-700">No guardian with an e-mail address can be written to.</p>
          ) : (
            preview.letters.map((letter) => (
              <section
                key={`${letter.guardianName}-${letter.language}`}
                aria-label={`Summary for ${letter.guardianName}`}
                className="space-y-2 rounded-md border border-slate-200 p-3"
                data-testid="summary-preview"
              >
                <h3 className="font-semibold">
                  {letter.guardianName} · {LANGUAGE_NAMES[letter.language]}
                </h3>
                <p className="text-sm font-medium">{letter.subject}</p>
                <pre className="whitespace-pre-wrap font-sans text-sm">{letter.body}</pre>
              </section>
            ))
          )}
        </Card>
      ) : (
        <Card>
          <p>No reporting period is coming: an admin keeps the calendar under School years.</p>
        </Card>
      )}

      <Card aria-labelledby="written-heading" className="space-y-2">
        <h2 id="written-heading" className="text-lg font-semibold">
          Summaries written
        </h2>
        {preview.written.length === 0 ? (
          <p className="text-slate-700">None yet.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {preview.written.map((summary) => (
              <li key={summary.id}>
                {summary.periodName} ({formatDate(summary.endsOn)}) ·{" "}
                {LANGUAGE_NAMES[summary.language as keyof typeof LANGUAGE_NAMES] ??
                  summary.language}{" "}
                · {summary.status === "held" ? "held" : "sent"}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
