import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { gradeLabel } from "@/components/interventions/format";
import { LetterList } from "@/components/letters/letter-list";
import { Card, TierBadge } from "@/components/ui/card";
import type { Weekday } from "@/lib/domain/calendar/dates";
import { formatDate } from "@/lib/domain/calendar/format";
import { isFamily } from "@/lib/domain/policy";
import { portalText } from "@/lib/i18n/portal";
import { contextFor, requireActor } from "@/lib/server/actor";
import { getFamilyOverview } from "@/lib/use-cases/portal/get-family-overview";
import { EvaluationRequestSection } from "./evaluation-request-section";

export const metadata: Metadata = { title: "Family portal" };

export default async function PortalPage() {
  const actor = await requireActor();
  if (!isFamily(actor)) redirect("/dashboard");
  const children = await getFamilyOverview(contextFor(actor));
  const { text, dateLocale } = portalText(actor.locale);

  return (
    <div className="mx-auto max-w-2xl space-y-6" lang={actor.locale}>
      <div>
        <h1 className="text-2xl font-bold">{text.title}</h1>
        <p className="text-slate-700">{text.intro}</p>
      </div>
      {children.map((child) => (
        <Card key={child.id} className="space-y-3">
          <h2 className="text-xl font-semibold">
            {child.firstName} {child.lastName}
          </h2>
          <p className="text-sm text-slate-700">
            {text.grade(gradeLabel(child.grade))} · {child.schoolName}
          </p>
          {child.interventions.length === 0 ? (
            <p>{text.noInterventions}</p>
          ) : (
            <ul className="space-y-3">
              {child.interventions.map((item) => (
                <li key={item.interventionId} className="rounded-md border border-slate-200 p-3">
                  <div className="flex items-center justify-between gap-2">
                    <h3 className="font-semibold">{item.name}</h3>
                    <TierBadge tier={item.tier} />
                  </div>
                  <dl className="mt-2 space-y-1 text-sm">
                    <div>
                      <dt className="inline font-medium">{text.schedule}: </dt>
                      <dd className="inline">
                        {(item.scheduleDays as Weekday[]).map((d) => text.days[d]).join(", ")}{" "}
                        {text.at} {item.startTime}, {text.minutes(item.sessionMinutes)}
                      </dd>
                    </div>
                    <div>
                      <dt className="inline font-medium">{text.dates}: </dt>
                      <dd className="inline">
                        {formatDate(item.startDate, dateLocale)} –{" "}
                        {formatDate(item.endDate, dateLocale)}
                      </dd>
                    </div>
                    {item.goal ? (
                      <div>
                        <dt className="inline font-medium">{text.goal}: </dt>
                        <dd className="inline">{item.goal}</dd>
                      </div>
                    ) : null}
                    {item.facilitators.map((f) => (
                      <div key={f.id}>
                        <dt className="inline font-medium">{text.contact}: </dt>
                        <dd className="inline">
                          {f.displayName}
                          {f.email ? (
                            <>
                              {" · "}
                              <a className="text-brand-700 underline" href={`mailto:${f.email}`}>
                                {f.email}
                              </a>
                            </>
                          ) : null}
                        </dd>
                      </div>
                    ))}
                  </dl>
                  <Link
                    href={`/interventions/${item.interventionId}`}
                    className="mt-2 inline-block text-sm text-brand-700 underline"
                  >
                    {text.details}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <h3 className="font-semibold">{text.letters}</h3>
          <LetterList
            letters={child.letters}
            empty={text.noLetters}
            timeZone={actor.timeZone}
            dateLocale={dateLocale}
          />
          <EvaluationRequestSection
            actor={actor}
            studentId={child.id}
            text={text.evaluation}
            dateLocale={dateLocale}
          />
        </Card>
      ))}
    </div>
  );
}
