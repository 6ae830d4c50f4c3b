import { ActionForm } from "@/components/referrals/action-form";
import { formatDate } from "@/lib/domain/calendar/format";
import type { Actor } from "@/lib/domain/policy";
import type { PortalText } from "@/lib/i18n/portal";
import { contextFor } from "@/lib/server/actor";
import { listEvaluationRequests } from "@/lib/use-cases/referrals/list-evaluation-requests";
import { recordEvaluationRequestAction } from "../students/[id]/evaluation-actions";

/**
 * The portal's "Request an evaluation" (34 CFR 300.301(b)), in the parent's language: always
 * offered, whatever support the child receives, with the requests already made and their answers.
 */
export async function EvaluationRequestSection({
  actor,
  studentId,
  text,
  dateLocale,
}: {
  actor: Actor;
  studentId: string;
  text: PortalText["evaluation"];
  dateLocale: string;
}) {
  const requests = await listEvaluationRequests(contextFor(actor), studentId);
  return (
    <section className="space-y-2" data-testid="evaluation-request">
      <h3 className="font-semibold">{text.heading}</h3>
      <p className="text-sm text-slate-700">{text.rights}</p>
      {requests.length > 0 ? (
        <ul className="space-y-1 text-sm">
          {requests.map((r) => (
            <li key={r.id}>
              {text.requested(formatDate(r.requestedOn, dateLocale))}{" "}
              {r.status === "answered" ? `${text.answered}: ${r.response}` : text.waiting}
            </li>
          ))}
        </ul>
      ) : null}
      <details>
        <summary className="cursor-pointer font-medium text-brand-700 underline">
          {text.open}
        </summary>
        <div className="mt-2">
          <ActionForm
            action={recordEvaluationRequestAction.bind(null, studentId)}
            fields={[{ name: "note", label: text.note, kind: "textarea" }]}
            submit={text.submit}
            saving={text.sending}
            saved={text.sent}
          />
        </div>
      </details>
    </section>
  );
}
