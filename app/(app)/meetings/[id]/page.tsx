import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AddMeetingStudentForm } from "@/components/meetings/add-student-form";
import { PrintButton } from "@/components/meetings/print-button";
import { Card } from "@/components/ui/card";
import { BackLink, TextLink } from "@/components/ui/text-link";
import { formatDate, formatLongDate } from "@/lib/domain/calendar/format";
import { mayReadMeetings } from "@/lib/domain/policy/meetings";
import { contextFor, requireActor } from "@/lib/server/actor";
import { idParam, orNotFound } from "@/lib/server/page";
import { getMeeting } from "@/lib/use-cases/meetings/get-meeting";
import { addMeetingStudentAction } from "../actions";

export const metadata: Metadata = { title: "Meeting recap" };

/** Printed, the recap is the page's content alone: no header, navigation, links' styling or forms. */
const PRINT_STYLES = `@media print {
  header, nav, .print\\:hidden { display: none !important; }
  body { background: white; }
  a { color: inherit; text-decoration: none; }
}`;

/**
 * A meeting's recap: when, who, notes, and one line per student discussed ("Emma Wilson: Tier 2
 * → Tier 3, 1:1 reading with Ms. Johnson, 5×30 min, review 2027-02-01") with the link to the
 * data looked at; printable. Specialists and admins add students discussed here.
 */
export default async function MeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idParam((await params).id);
  const actor = await requireActor();
  if (!mayReadMeetings(actor)) notFound();
  const meeting = await orNotFound(getMeeting(contextFor(actor), id));
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <style>{PRINT_STYLES}</style>
      <div className="print:hidden">
        <BackLink href="/meetings">← MTSS meetings</BackLink>
      </div>
      <article className="space-y-4 bg-white p-6 print:p-0" data-testid="meeting-recap">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 className="text-2xl font-bold">{meeting.title}</h1>
            <p className="text-slate-700">
              {formatLongDate(meeting.heldOn)}
              {meeting.schoolName ? ` · ${meeting.schoolName}` : ""}
            </p>
          </div>
          <PrintButton />
        </div>
        <section>
          <h2 className="text-lg font-semibold">Attendees</h2>
          <ul className="text-sm">
            {meeting.attendees.map((a) => (
              <li key={`${a.staffId ?? ""}-${a.name}-${a.role}`}>
                {a.name}
                {a.role ? `, ${a.role}` : ""}
              </li>
            ))}
          </ul>
        </section>
        {meeting.notes ? (
          <section>
            <h2 className="text-lg font-semibold">Notes</h2>
            <p className="whitespace-pre-line text-sm">{meeting.notes}</p>
          </section>
        ) : null}
        <section>
          <h2 className="text-lg font-semibold">Students discussed</h2>
          {meeting.students.length === 0 ? (
            <p className="text-sm text-slate-700">No students added yet.</p>
          ) : (
            <ol className="list-decimal space-y-1 pl-5" data-testid="recap-lines">
              {meeting.students.map((s) => (
                <li key={s.id}>
                  {s.line}
                  {s.snapshotUrl ? (
                    <span className="print:hidden">
                      {" "}
                      ·{" "}
                      <TextLink href={s.snapshotUrl} className="underline">
                        the data looked at
                      </TextLink>
                    </span>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
        </section>
        <p className="hidden text-xs text-slate-600 print:block">
          Recap of the meeting of {formatDate(meeting.heldOn)}.
        </p>
      </article>
      {meeting.editable ? (
        <Card className="print:hidden">
          <h2 className="mb-2 text-lg font-semibold">Add a student discussed</h2>
          <AddMeetingStudentForm action={addMeetingStudentAction.bind(null, meeting.id)} />
        </Card>
      ) : null}
    </div>
  );
}
