import { formatDate } from "@/lib/domain/calendar/format";
import type { ActionResult } from "@/lib/server/action";
import type { ExitReviewDto } from "@/lib/use-cases/exits/exit-review-dto";
import type { FollowUpDto } from "@/lib/use-cases/exits/follow-ups";
import { Card } from "../ui/card";
import { TextLink } from "../ui/text-link";
import { ExitReport } from "./exit-report";
import { FollowUpForm } from "./follow-up-form";
import { RecommendExitForm } from "./recommend-exit-form";

type Action = (values: unknown, id: string) => Promise<ActionResult<unknown>>;

/** The dashboard's "Ready for an exit recommendation": students the data flagged, to recommend. */
export function ReadyForExit({
  reviews,
  recommend,
}: {
  reviews: ExitReviewDto[];
  recommend: Action;
}) {
  if (reviews.length === 0) return null;
  return (
    <Card aria-labelledby="ready-for-exit-heading" className="space-y-4">
      <div>
        <h2 id="ready-for-exit-heading" className="text-lg font-semibold">
          Ready for an exit recommendation
        </h2>
        <p className="text-sm text-slate-700">
          These students meet their group's exit criteria on the data. Recommend the exit if you
          agree; a specialist decides.
        </p>
      </div>
      <ul className="space-y-4" data-testid="ready-for-exit">
        {reviews.map((review) => (
          <li key={review.id} className="space-y-3 border-t border-slate-200 pt-3">
            <p className="font-semibold">
              {review.studentName} ·{" "}
              <TextLink href={`/interventions/${review.interventionId}`}>
                {review.interventionName}
              </TextLink>
            </p>
            <ExitReport report={review.report} />
            <RecommendExitForm
              action={recommend}
              reviewId={review.id}
              studentName={review.studentName}
            />
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** The dashboard's follow-ups after an exit: due (overdue flagged), and slipping with re-entry. */
export function ExitFollowUps({ followUps, record }: { followUps: FollowUpDto[]; record: Action }) {
  if (followUps.length === 0) return null;
  return (
    <Card aria-labelledby="exit-follow-ups-heading" className="space-y-4">
      <div>
        <h2 id="exit-follow-ups-heading" className="text-lg font-semibold">
          Follow-ups after an exit
        </h2>
        <p className="text-sm text-slate-700">
          A weekly check for six weeks after a student leaves a group: is the progress holding?
        </p>
      </div>
      <ul className="space-y-4" data-testid="exit-follow-ups">
        {followUps.map((followUp) => (
          <li key={followUp.id} className="space-y-2 border-t border-slate-200 pt-3">
            <p className="font-semibold">
              {followUp.studentName} · {followUp.interventionName}
            </p>
            <p className="text-sm text-slate-700">
              Due {formatDate(followUp.dueOn)}
              {followUp.overdue ? (
                <span className="ml-2 rounded bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-800">
                  Overdue
                </span>
              ) : null}
            </p>
            {followUp.status === "due" ? (
              <FollowUpForm
                action={record}
                followUpId={followUp.id}
                studentName={followUp.studentName}
              />
            ) : (
              <p className="text-sm">
                <span className="font-medium text-red-800">Slipping</span>
                {followUp.probeScore !== null ? ` (probe ${followUp.probeScore})` : ""}.{" "}
                {followUp.reEnrollHref ? (
                  <TextLink href={followUp.reEnrollHref}>Re-enroll</TextLink>
                ) : null}
              </p>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
