import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MeetingForm } from "@/components/meetings/meeting-form";
import { Card } from "@/components/ui/card";
import { BackLink } from "@/components/ui/text-link";
import { now } from "@/lib/clock";
import { todayIn } from "@/lib/domain/calendar/dates";
import { canRecordMeetings } from "@/lib/domain/policy/meetings";
import { requireActor } from "@/lib/server/actor";
import { createMeetingAction } from "../actions";

export const metadata: Metadata = { title: "Record a meeting" };

export default async function NewMeetingPage() {
  const actor = await requireActor();
  if (!canRecordMeetings(actor)) notFound();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <BackLink href="/meetings">← MTSS meetings</BackLink>
        <h1 className="text-2xl font-bold">Record a meeting</h1>
        <p className="text-slate-700">
          Who met and when; the students discussed are added on the meeting's recap.
        </p>
      </div>
      <Card>
        <MeetingForm action={createMeetingAction} today={todayIn(actor.timeZone, now())} />
      </Card>
    </div>
  );
}
