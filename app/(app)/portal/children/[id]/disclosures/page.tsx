import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink, TextLink } from "@/components/ui/text-link";
import { todayIn } from "@/lib/domain/calendar/dates";
import { formatDate } from "@/lib/domain/calendar/format";
import { isFamily } from "@/lib/domain/policy";
import { type PortalText, portalText } from "@/lib/i18n/portal";
import { contextFor, requireActor } from "@/lib/server/actor";
import { idParam, orNotFound } from "@/lib/server/page";
import type { DisclosureEntry } from "@/lib/use-cases/families/list-disclosures";
import { listDisclosures } from "@/lib/use-cases/families/list-disclosures";
import { PrintButton } from "./print-button";

export const metadata: Metadata = { title: "Who has seen your child's records" };

type Words = PortalText["disclosures"];

/** A word from one of the log's lists, for a key the log may hold that the list does not name. */
function wordFor(words: Record<string, string>, key: string | null, otherwise: string): string {
  return (key !== null && words[key]) || otherwise;
}

/** What left, in the parent's words: the kind of disclosure, or what a service read and how often. */
function whatLeft(entry: DisclosureEntry, words: Words): string {
  if (entry.source === "recorded") return wordFor(words.kinds, entry.kind, words.otherKind);
  const views = entry.views.map((view) => wordFor(words.views, view, words.otherView));
  return `${[...new Set(views)].join(", ")} (${words.reads(entry.requests)})`;
}

/**
 * A child's disclosure log for their guardian (FERPA, 34 CFR 99.32; issue 13, point 3): each time
 * the records left the school — an export, a referral packet, a read by another service through
 * the API — with the date, who received them and why, newest first, printable. Only a guardian
 * of the child (no contact restriction) sees it; anyone else, staff included, gets 404 (the
 * team reads the log through GET /api/v1/students/{id}/disclosures).
 */
export default async function DisclosureLogPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  if (!isFamily(actor)) notFound();
  const id = idParam((await params).id);
  const { student, items } = await orNotFound(listDisclosures(contextFor(actor), id));
  const { text, dateLocale } = portalText(actor.locale);
  const words = text.disclosures;
  const name = `${student.firstName} ${student.lastName}`;

  return (
    <article className="mx-auto max-w-2xl space-y-6 print:max-w-none" lang={actor.locale}>
      {/* On paper: the log alone, without the app's header and skip link. */}
      <style>
        {"@media print { body > div > header, body > div > a { display: none !important; } }"}
      </style>
      <div className="print:hidden">
        <BackLink href={`/portal/children/${id}`}>{text.backToChild(student.firstName)}</BackLink>
      </div>
      <header className="space-y-2">
        <p className="text-sm text-slate-700">{actor.districtName}</p>
        <h1 className="text-2xl font-bold">{words.title(name)}</h1>
        <p className="text-slate-700">{words.intro}</p>
        <PrintButton label={words.print} />
      </header>
      {items.length === 0 ? (
        <p data-testid="no-disclosures">{words.none(student.firstName)}</p>
      ) : (
        <ol className="space-y-3" data-testid="disclosure-log">
          {items.map((entry) => (
            <li
              key={entry.id}
              className="break-inside-avoid rounded-md border border-slate-200 bg-white p-3"
              data-testid="disclosure"
            >
              <dl className="grid gap-x-3 gap-y-1 text-sm sm:grid-cols-[9rem_1fr]">
                <dt className="font-medium">{words.date}</dt>
                <dd>{formatDate(todayIn(actor.timeZone, entry.disclosedAt), dateLocale)}</dd>
                <dt className="font-medium">{words.to}</dt>
                <dd>{entry.disclosedTo}</dd>
                <dt className="font-medium">{words.purpose}</dt>
                <dd>{entry.source === "api" ? words.apiPurpose : entry.purpose}</dd>
                <dt className="font-medium">{words.what}</dt>
                <dd>{whatLeft(entry, words)}</dd>
                {entry.disclosedByName ? (
                  <>
                    <dt className="font-medium">{words.releasedBy}</dt>
                    <dd>{entry.disclosedByName}</dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ol>
      )}
      <p className="text-sm print:hidden">
        {words.questions}{" "}
        <TextLink className="underline" href={`/portal/children/${id}/requests`}>
          {words.ask}
        </TextLink>
      </p>
    </article>
  );
}
