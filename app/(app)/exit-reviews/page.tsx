import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DecideExitForm } from "@/components/exits/decide-exit-form";
import { ExitReport } from "@/components/exits/exit-report";
import { Card } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import { formatDate, formatInstant } from "@/lib/domain/calendar/format";
import { EXIT_REVIEW_STATUSES, type ExitReviewStatus } from "@/lib/domain/decisions/kinds";
import { exitReviewScope, mayDecideExits } from "@/lib/domain/policy";
import { contextFor, requireActor } from "@/lib/server/actor";
import { listExitReviews } from "@/lib/use-cases/exits/list-exit-reviews";
import { approveExitAction, declineExitAction } from "./actions";

export const metadata: Metadata = { title: "Exit reviews" };

const TABS: Record<ExitReviewStatus, string> = {
  recommended: "Recommended",
  eligible: "Flagged by the data",
  approved: "Approved",
  declined: "Declined",
};
const ORDER: ExitReviewStatus[] = ["recommended", "eligible", "approved", "declined"];

/**
 * The specialist's exit-review list (Scenario 11): reviews by status, each with its exit
 * recommendation report, and the approve / decline forms on the open ones.
 */
export default async function ExitReviewsPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string }>;
}) {
  const actor = await requireActor();
  if (exitReviewScope(actor) === "none") redirect("/dashboard");
  const asked = (await searchParams).status;
  const status = (EXIT_REVIEW_STATUSES as readonly string[]).includes(asked ?? "")
    ? (asked as ExitReviewStatus)
    : "recommended";
  const { items } = await listExitReviews(contextFor(actor), { status });
  const decides = mayDecideExits(actor);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Exit reviews</h1>
        <p className="text-slate-700">
          Students who meet their group's exit criteria: three proficient probes in a row (or the
          group's own number), a benchmark at grade level, and the facilitator's recommendation.
        </p>
      </div>
      <nav aria-label="Exit review status">
        <ul className="flex flex-wrap gap-2">
          {ORDER.map((tab) => (
            <li key={tab}>
              <Link
                href={`/exit-reviews?status=${tab}`}
                aria-current={tab === status ? "page" : undefined}
                className={`inline-flex min-h-11 items-center rounded-md border px-3 text-sm font-medium ${
                  tab === status
                    ? "border-brand-600 bg-brand-600 text-white"
                    : "border-slate-300 bg-white text-slate-900 hover:bg-slate-100"
                }`}
              >
                {TABS[tab]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {items.length === 0 ? (
        <Card>
          <p className="text-slate-700">No exit reviews are {TABS[status].toLowerCase()}.</p>
        </Card>
      ) : (
        <ul className="space-y-4" data-testid="exit-reviews">
          {items.map((review) => (
            <li key={review.id}>
              <Card className="space-y-4" aria-label={`Exit review of ${review.studentName}`}>
                <div>
                  <h2 className="text-lg font-semibold">
                    <TextLink href={`/students/${review.studentId}`}>{review.studentName}</TextLink>
                  </h2>
                  <p className="text-sm text-slate-700">
                    <TextLink href={`/interventions/${review.interventionId}`}>
                      {review.interventionName}
                    </TextLink>{" "}
                    · flagged {formatDate(review.eligibleOn)}
                  </p>
                  {review.recommendedAt ? (
                    <p className="text-sm text-slate-700">
                      Recommended by {review.recommendedByName ?? "the facilitator"},{" "}
                      {formatInstant(review.recommendedAt, actor.timeZone)}
                      {review.recommendationNote ? `: “${review.recommendationNote}”` : "."}
                    </p>
                  ) : null}
                  {review.decidedAt ? (
                    <p className="text-sm text-slate-700">
                      {review.status === "approved" ? "Approved" : "Declined"} by{" "}
                      {review.decidedByName ?? "the system"},{" "}
                      {formatInstant(review.decidedAt, actor.timeZone)}
                      {review.decisionReason ? `: ${review.decisionReason}` : "."}
                    </p>
                  ) : null}
                </div>
                <ExitReport report={review.report} />
                {decides && (review.status === "recommended" || review.status === "eligible") ? (
                  <DecideExitForm
                    approve={approveExitAction}
                    decline={declineExitAction}
                    reviewId={review.id}
                    studentName={review.studentName}
                    canApprove={review.status === "recommended"}
                  />
                ) : null}
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
