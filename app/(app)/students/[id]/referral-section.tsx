import { ActionForm } from "@/components/referrals/action-form";
import { EvaluationRequestsNote } from "@/components/referrals/evaluation-requests";
import { type Actor, isStaff } from "@/lib/domain/policy";
import {
  canAnswerEvaluationRequests,
  canPrepareReferralPacket,
} from "@/lib/domain/policy/referrals";
import { contextFor } from "@/lib/server/actor";
import { listEvaluationRequests } from "@/lib/use-cases/referrals/list-evaluation-requests";
import {
  recordEvaluationRequestAction,
  respondToEvaluationRequestAction,
} from "./evaluation-actions";

/**
 * The student page's referral corner (issue 11.3): the requests for an evaluation on record as
 * a note, a form for staff to write one down, and the referral packet for those who prepare it.
 */
export async function ReferralSection({ studentId, actor }: { studentId: string; actor: Actor }) {
  const requests = await listEvaluationRequests(contextFor(actor), studentId);
  const staff = isStaff(actor);
  return (
    <div className="space-y-3">
      {canPrepareReferralPacket(actor) ? (
        <p className="flex flex-wrap gap-4 text-sm">
          {/* Plain links: opening the packet is a logged disclosure, never a prefetch. */}
          <a href={`/students/${studentId}/referral-packet`} className="text-brand-700 underline">
            Referral packet
          </a>
          <a
            href={`/students/${studentId}/referral-packet.pdf`}
            className="text-brand-700 underline"
          >
            Referral packet (PDF)
          </a>
          <a href={`/students/${studentId}/summary`} className="text-brand-700 underline">
            Progress summary for the family
          </a>
        </p>
      ) : null}
      <EvaluationRequestsNote
        requests={requests}
        respond={canAnswerEvaluationRequests(actor) ? respondToEvaluationRequestAction : undefined}
      />
      {staff ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-brand-700 underline">
            Record a request for a special education evaluation
          </summary>
          <div className="mt-2 max-w-lg">
            <ActionForm
              action={recordEvaluationRequestAction.bind(null, studentId)}
              fields={[
                {
                  name: "requesterName",
                  label: "Who asked",
                  kind: "text",
                  hint: "The parent or guardian, as they gave their name.",
                  required: true,
                },
                { name: "requestedOn", label: "When (default: today)", kind: "date" },
                { name: "note", label: "Note", kind: "textarea" },
              ]}
              submit="Record the request"
              saving="Saving…"
              saved="Request recorded. The team sees it on its dashboard."
            />
          </div>
        </details>
      ) : null}
    </div>
  );
}
