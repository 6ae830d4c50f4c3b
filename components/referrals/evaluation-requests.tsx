import type { EvaluationRequestRow } from "@/db/queries/evaluation-requests";
import { formatDate } from "@/lib/domain/calendar/format";
import { ActionForm, type ActionFormState } from "./action-form";
import { AnswerDetails, StudentNameLink } from "./answer-details";

type Respond = (
  requestId: string,
  state: ActionFormState,
  data: FormData,
) => Promise<ActionFormState>;

const RESPONSE_FIELDS = [
  {
    name: "response",
    label: "The school's answer",
    kind: "textarea",
    hint: "E.g. consent form sent home on the day; or the written refusal with its reasons.",
    required: true,
  },
] as const;

/** The school's answer to one request, recorded from the list. */
function RecordAnswer({
  action,
}: {
  action: (state: ActionFormState, data: FormData) => Promise<ActionFormState>;
}) {
  return (
    <AnswerDetails>
      <ActionForm
        action={action}
        fields={RESPONSE_FIELDS}
        submit="Record the answer"
        saving="Saving…"
        saved="Answer recorded."
      />
    </AnswerDetails>
  );
}

/** "Jennifer Wilson (parent or guardian) asked on Wed, Nov 25, 2026" */
export function requestLine(request: {
  requesterName: string;
  requesterKind: string;
  requestedOn: string;
}) {
  return `${request.requesterName} (${request.requesterKind === "guardian" ? "parent or guardian" : "staff"}) asked on ${formatDate(request.requestedOn)}`;
}

/**
 * The note on a student's page: the requests for a special-education evaluation on record, the
 * open ones first, with the answer form for the team.
 */
export function EvaluationRequestsNote({
  requests,
  respond,
}: {
  requests: readonly EvaluationRequestRow[];
  /** Given to those who answer requests (specialists, admins). */
  respond?: Respond;
}) {
  if (requests.length === 0) return null;
  const open = requests.filter((r) => r.status === "open");
  return (
    <section
      aria-labelledby="evaluation-requests"
      className="rounded-md border border-amber-300 bg-amber-50 p-4 text-amber-950"
      data-testid="evaluation-requests"
    >
      <h2 id="evaluation-requests" className="font-semibold">
        {open.length > 0
          ? `Special education evaluation requested (${open.length} open)`
          : "Special education evaluation requests"}
      </h2>
      <p className="text-sm">
        A parent may ask for an evaluation at any time; the intervention process does not delay the
        school's answer.
      </p>
      <ul className="mt-2 space-y-3">
        {[...open, ...requests.filter((r) => r.status !== "open")].map((r) => (
          <li key={r.id} className="text-sm">
            <p>
              <strong>{requestLine(r)}</strong>
              {r.note ? `: ${r.note}` : ""}
            </p>
            {r.status === "answered" ? (
              <p>
                Answered{r.respondedByName ? ` by ${r.respondedByName}` : ""}: {r.response}
              </p>
            ) : respond ? (
              <RecordAnswer action={respond.bind(null, r.id)} />
            ) : (
              <p>Waiting for the school's answer.</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The team's dashboard list: the district's requests waiting for an answer, oldest first. */
export function OpenEvaluationRequests({
  requests,
  respond,
}: {
  requests: readonly {
    id: string;
    studentId: string;
    firstName: string;
    lastName: string;
    schoolName: string;
    requestedOn: string;
    requesterKind: string;
    requesterName: string;
    note: string | null;
  }[];
  respond: Respond;
}) {
  return (
    <section
      aria-labelledby="open-evaluation-requests"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4"
      data-testid="open-evaluation-requests"
    >
      <h2 id="open-evaluation-requests" className="text-lg font-semibold">
        Requests for evaluation
      </h2>
      {requests.length === 0 ? (
        <p className="text-sm text-slate-700">No request is waiting for an answer.</p>
      ) : (
        <ul className="mt-2 space-y-3">
          {requests.map((r) => (
            <li key={r.id} className="text-sm">
              <p>
                <StudentNameLink {...r} /> · {r.schoolName} · {requestLine(r)}
                {r.note ? `: ${r.note}` : ""}
              </p>
              <RecordAnswer action={respond.bind(null, r.id)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
