import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { TextLink } from "@/components/ui/text-link";
import { formatDate } from "@/lib/domain/calendar/format";
import { canRecordMeetings, mayReadMeetings } from "@/lib/domain/policy/meetings";
import { contextFor, requireActor } from "@/lib/server/actor";
import { listMeetings } from "@/lib/use-cases/meetings/list-meetings";

export const metadata: Metadata = { title: "MTSS meetings" };

/**
 * The MTSS team meetings, latest first. Specialists and admins see and record all of them;
 * teachers and facilitators see the meetings that discussed their students.
 */
export default async function MeetingsPage() {
  const actor = await requireActor();
  if (!mayReadMeetings(actor)) notFound();
  const meetings = await listMeetings(contextFor(actor));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">MTSS meetings</h1>
          <p className="text-slate-700">
            Each meeting with the students discussed, the data looked at and the decision taken.
          </p>
        </div>
        {canRecordMeetings(actor) ? (
          <TextLink href="/meetings/new" className="font-medium underline">
            Record a meeting
          </TextLink>
        ) : null}
      </div>
      <Card>
        {meetings.length === 0 ? (
          <p className="text-slate-700">No meetings recorded yet.</p>
        ) : (
          <DataTable
            columns={["Date", "Meeting", "School", "Attendees", "Students discussed"]}
            className="w-full text-left text-sm"
          >
            {meetings.map((m) => (
              <tr key={m.id} className="border-b border-slate-100" data-testid="meeting-row">
                <td className="py-2 pr-4">{formatDate(m.heldOn)}</td>
                <td className="py-2 pr-4">
                  <TextLink href={`/meetings/${m.id}`}>{m.title}</TextLink>
                </td>
                <td className="py-2 pr-4">{m.schoolName ?? "—"}</td>
                <td className="py-2 pr-4">{m.attendeeCount}</td>
                <td className="py-2 pr-4">
                  {m.students.length === 0
                    ? "None yet"
                    : m.students.map((s) => s.studentName).join(", ")}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </div>
  );
}
