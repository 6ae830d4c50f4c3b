import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/referrals/action-form";
import { Card } from "@/components/ui/card";
import { BackLink, TextLink } from "@/components/ui/text-link";
import { todayIn } from "@/lib/domain/calendar/dates";
import { formatDate } from "@/lib/domain/calendar/format";
import { isFamily } from "@/lib/domain/policy";
import { portalText } from "@/lib/i18n/portal";
import { contextFor, requireActor } from "@/lib/server/actor";
import { idParam, orNotFound } from "@/lib/server/page";
import { listFamilyRequests } from "@/lib/use-cases/families/list-family-requests";
import { askFamilyRequestAction } from "./actions";

export const metadata: Metadata = { title: "Questions and requests" };

/**
 * A guardian's questions and amendment requests about one child (issue 13, point 3), in their
 * language: the two forms, then what they asked with the team's answers. The evaluation request
 * has its own section on the family page, linked rather than repeated. Only a guardian of the
 * child (no contact restriction) sees it; anyone else, staff included, gets 404.
 */
export default async function FamilyRequestsPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  if (!isFamily(actor)) notFound();
  const id = idParam((await params).id);
  const { student, items } = await orNotFound(listFamilyRequests(contextFor(actor), id));
  const { text, dateLocale } = portalText(actor.locale);
  const words = text.requests;
  const dayOf = (instant: Date) => formatDate(todayIn(actor.timeZone, instant), dateLocale);

  return (
    <div className="mx-auto max-w-2xl space-y-6" lang={actor.locale}>
      <BackLink href={`/portal/children/${id}`}>{text.backToChild(student.firstName)}</BackLink>
      <div>
        <h1 className="text-2xl font-bold">{words.title}</h1>
        <p className="text-slate-700">{words.intro(student.firstName)}</p>
      </div>

      <Card className="space-y-3" aria-labelledby="ask-question">
        <h2 id="ask-question" className="text-lg font-semibold">
          {words.question.heading}
        </h2>
        <ActionForm
          action={askFamilyRequestAction.bind(null, id, "question", actor.locale)}
          fields={[{ name: "body", label: words.question.field, kind: "textarea", required: true }]}
          submit={words.question.submit}
          saving={words.sending}
          saved={words.question.sent}
        />
      </Card>

      <Card className="space-y-3" aria-labelledby="ask-amendment">
        <h2 id="ask-amendment" className="text-lg font-semibold">
          {words.amendment.heading}
        </h2>
        <p className="text-sm text-slate-700">{words.amendment.rights}</p>
        <ActionForm
          action={askFamilyRequestAction.bind(null, id, "amendment", actor.locale)}
          fields={[
            { name: "body", label: words.amendment.field, kind: "textarea", required: true },
          ]}
          submit={words.amendment.submit}
          saving={words.sending}
          saved={words.amendment.sent}
        />
      </Card>

      <p className="text-sm text-slate-700">
        {words.evaluation}{" "}
        <TextLink className="underline" href="/portal">
          {words.evaluationLink}
        </TextLink>
        .
      </p>

      <section aria-labelledby="asked" className="space-y-3">
        <h2 id="asked" className="text-lg font-semibold">
          {words.yours}
        </h2>
        {items.length === 0 ? (
          <p className="text-slate-700">{words.none}</p>
        ) : (
          <ul className="space-y-3" data-testid="family-requests">
            {items.map((request) => (
              <li
                key={request.id}
                className="rounded-md border border-slate-200 bg-white p-3 text-sm"
                data-testid="family-request"
              >
                <p className="font-medium">
                  {words.kinds[request.kind]} · {words.sentOn(dayOf(request.createdAt))}
                </p>
                <p className="mt-1 whitespace-pre-line">{request.body}</p>
                {request.status === "answered" && request.answer ? (
                  <div className="mt-2 rounded-md bg-slate-50 p-2">
                    <p className="font-medium">
                      {words.answerFrom(
                        request.answeredByName,
                        request.answeredAt ? dayOf(request.answeredAt) : "",
                      )}
                    </p>
                    <p className="whitespace-pre-line">{request.answer}</p>
                  </div>
                ) : (
                  <p className="mt-2 text-slate-700">{words.waiting}</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
