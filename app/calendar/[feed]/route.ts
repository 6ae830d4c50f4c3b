import { now } from "@/lib/clock";
import { ICS_CONTENT_TYPE } from "@/lib/domain/calendar/ics";
import { NotFoundError } from "@/lib/domain/errors";
import { requestDb } from "@/lib/server/db";
import { publicRoute } from "@/lib/server/route";
import { readCalendarFeed } from "@/lib/use-cases/calendar/read-calendar-feed";

/**
 * A staff member's subscribable calendar, `/calendar/<token>.ics`: no session cookie, the
 * secret in the address is the credential (revocable from the calendar feed page). Unknown or
 * revoked: 404.
 */
export const GET = publicRoute<{ feed: string }>(async ({ params }) => {
  const match = /^(.+)\.ics$/.exec(params.feed);
  if (!match?.[1]) throw new NotFoundError("Calendar feed");
  const ics = await readCalendarFeed({ db: requestDb(), now }, match[1]);
  return new Response(ics, {
    headers: {
      "content-type": ICS_CONTENT_TYPE,
      "content-disposition": 'inline; filename="northstar-sessions.ics"',
      // Only the subscriber's own client may keep it; the address itself is the secret.
      "cache-control": "private, max-age=300",
      "x-robots-tag": "noindex",
      "referrer-policy": "no-referrer",
    },
  });
});
