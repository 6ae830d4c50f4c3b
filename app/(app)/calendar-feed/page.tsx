import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { formatMoment } from "@/lib/domain/calendar/format";
import { isStaff } from "@/lib/domain/policy";
import { contextFor, requireActor } from "@/lib/server/actor";
import { getCalendarFeed } from "@/lib/use-cases/calendar/get-calendar-feed";
import { createCalendarFeedAction, revokeCalendarFeedAction } from "./actions";
import { CalendarFeedPanel } from "./calendar-feed-panel";

export const metadata: Metadata = { title: "Calendar feed" };

/** A staff member's subscribable calendar of their groups' sessions: create, replace, stop. */
export default async function CalendarFeedPage() {
  const actor = await requireActor();
  if (!isStaff(actor)) notFound();
  const feed = await getCalendarFeed(contextFor(actor));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Calendar feed</h1>
      <Card className="space-y-4">
        <p className="text-slate-700">
          Subscribe to your sessions from Outlook, Google Calendar or Apple Calendar: every group
          you facilitate or created, one series each, at the times of {actor.districtName} (
          {actor.timeZone}). Calendar programs fetch it again about every hour. The address is a
          secret: anyone who has it sees your sessions. Only a fingerprint of it is stored, so it is
          shown once; a new address replaces the old one, and stopping the feed ends it at once.
        </p>
        <p className="text-slate-700" data-testid="calendar-feed-status">
          {feed
            ? `You have a live feed, created ${formatMoment(feed.createdAt, actor.timeZone)}.`
            : "You have no calendar feed."}
        </p>
        <CalendarFeedPanel
          live={!!feed}
          create={createCalendarFeedAction}
          revoke={revokeCalendarFeedAction}
        />
      </Card>
    </div>
  );
}
