import { ActionForm } from "@/components/referrals/action-form";
import { AnswerDetails, StudentNameLink } from "@/components/referrals/answer-details";
import { todayIn } from "@/lib/domain/calendar/dates";
import { formatDate } from "@/lib/domain/calendar/format";
import type { FamilyRequestKind } from "@/lib/domain/families/kinds";
import { type Actor, familyRequestQueue } from "@/lib/domain/policy";
import { contextFor } from "@/lib/server/actor";
import { listOpenFamilyRequests } from "@/lib/use-cases/families/list-family-requests";
import { answerFamilyRequestAction } from "../portal/children/[id]/requests/actions";

const KIND_LABELS: Record<FamilyRequestKind, string> = {
  question: "Question",
  amendment: "Request to amend a record (FERPA 34 CFR 99.20)",
};

const ANSWER_FIELDS = [
  {
    name: "answer",
    label: "The team's answer",
    kind: "textarea",
    hint: "The family reads it in the portal. For an amendment: what was corrected, or why not and that they may ask for a hearing.",
    required: true,
  },
] as const;

/**
 * "Questions from families": the questions and amendment requests families sent from the portal
 * that wait for an answer, oldest first — the district's for specialists and admins, those about
 * the children of their groups for facilitators (who see the panel only when one waits). The
 * answer goes back to the family's portal.
 */
export async function FamilyRequestsPanel({ actor }: { actor: Actor }) {
  const queue = familyRequestQueue(actor);
  if (queue === "none") return null;
  const requests = await listOpenFamilyRequests(contextFor(actor));
  if (queue === "own-groups" && requests.length === 0) return null;
  return (
    <section
      aria-labelledby="open-family-requests"
      className="rounded-lg border border-sky-300 bg-sky-50 p-4"
      data-testid="open-family-requests"
    >
      <h2 id="open-family-requests" className="text-lg font-semibold">
        Questions from families
      </h2>
      {requests.length === 0 ? (
        <p className="text-sm text-slate-700">No question or request is waiting for an answer.</p>
      ) : (
        <ul className="mt-2 space-y-3">
          {requests.map((r) => (
            <li key={r.id} className="text-sm" data-testid="open-family-request">
              <p>
                <StudentNameLink {...r} /> · {r.schoolName} · {KIND_LABELS[r.kind]} from{" "}
                {r.askedByName ?? "a guardian"} on{" "}
                {formatDate(todayIn(actor.timeZone, r.createdAt))}
              </p>
              <p className="mt-1 whitespace-pre-line">{r.body}</p>
              <AnswerDetails>
                <ActionForm
                  action={answerFamilyRequestAction.bind(null, r.id)}
                  fields={ANSWER_FIELDS}
                  submit="Send the answer"
                  saving="Sending…"
                  saved="Answer sent; the family reads it in the portal."
                />
              </AnswerDetails>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
