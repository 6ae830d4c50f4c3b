import type { Tx } from "@/db/client";
import { raiseCalendarSequence, staffContacts } from "@/db/queries/calendar/series";
import { insertCommunications } from "@/db/queries/communications/mailbox";
import { findSession } from "@/db/queries/sessions/schedule";
import { formatDate, formatLongDate } from "@/lib/domain/calendar/format";
import {
  CALENDAR_MAIL_KINDS,
  type CalendarMethod,
  occurrenceCancellation,
  seriesCalendar,
} from "@/lib/domain/calendar/ics";
import type { CalendarSeries } from "@/lib/domain/calendar/series";
import type { UseCaseContext } from "../context";
import { loadCalendarSeries } from "./calendar-series";

/**
 * Calendar invitations e-mailed to a group's facilitators, queued as `communications` rows in
 * the caller's transaction and sent by the mail-delivery job (kept for the admin mailbox when
 * there is no SMTP server). Each carries the group's whole series (METHOD:REQUEST) or its
 * cancellation (METHOD:CANCEL); docs/decisions/0014-calendar-series.md.
 */

export type CalendarChange = "created" | "updated" | "cancelled";

export interface CalendarChangeOptions {
  /**
   * Facilitators just taken off the group (an update): each is sent the series' cancellation,
   * RFC 5546's way of removing an attendee, so the group leaves their calendar.
   */
  removedFacilitatorIds?: readonly string[];
}

export interface QueuedInvites {
  /** The SEQUENCE the mails carry. */
  sequence: number;
  /** Mails queued: one per facilitator with an e-mail address. */
  queued: number;
}

const NOTHING: QueuedInvites = { sequence: 0, queued: 0 };

const SUBJECTS: Record<CalendarChange, string> = {
  created: "Invitation",
  updated: "Updated invitation",
  cancelled: "Cancelled",
};

function note(series: CalendarSeries, change: CalendarChange): string {
  const { pattern } = series;
  const when = `from ${formatLongDate(pattern.startDate)} to ${formatLongDate(pattern.endDate)}, at ${pattern.startTime} (${series.timeZone})`;
  const lead = {
    created: `You facilitate ${series.summary}, ${when}. The attached invitation adds its sessions to your calendar as one series.`,
    updated: `The sessions of ${series.summary} changed. The attached update replaces the series in your calendar (${when}).`,
    cancelled: `${series.summary} was cancelled. The attached cancellation removes its sessions from your calendar.`,
  }[change];
  return `${lead}\n\n${series.description}`;
}

async function queueMails(
  tx: Tx,
  ctx: UseCaseContext,
  interventionId: string,
  series: CalendarSeries,
  mail: { method: CalendarMethod; subject: string; ics: string; text: string; reason: string },
): Promise<number> {
  const rows = series.attendees.map((person) => ({
    tenantId: ctx.actor.tenantId,
    kind: CALENDAR_MAIL_KINDS[mail.method],
    interventionId,
    toAddress: person.email,
    language: "en",
    subject: mail.subject,
    body: mail.ics,
    emailBody: `Hello ${person.name},\n\n${mail.text}`,
    reason: mail.reason,
    required: true,
  }));
  await insertCommunications(tx, rows);
  return rows.length;
}

/**
 * Queues the group's calendar mail for `change`: the invitation when it is created, an update
 * (SEQUENCE raised) when its schedule, place or people change, a cancellation (SEQUENCE raised)
 * when the group is cancelled. Call it inside the command's transaction after the change is
 * written, before the audit row.
 */
export async function queueCalendarInvites(
  tx: Tx,
  ctx: UseCaseContext,
  interventionId: string,
  change: CalendarChange,
  options: CalendarChangeOptions = {},
): Promise<QueuedInvites> {
  const { tenantId } = ctx.actor;
  if (change !== "created" && (await raiseCalendarSequence(tx, tenantId, interventionId)) === null)
    return NOTHING;
  const [found] = await loadCalendarSeries(tx, tenantId, [interventionId]);
  if (!found) return NOTHING;
  const series = change === "cancelled" ? { ...found, cancelled: true } : found;
  const method: CalendarMethod = change === "cancelled" ? "CANCEL" : "REQUEST";
  const queued = await queueMails(tx, ctx, interventionId, series, {
    method,
    subject: `${SUBJECTS[change]}: ${series.summary}`,
    ics: seriesCalendar([series], { method, stamp: ctx.now() }),
    text: note(series, change),
    reason: `Calendar ${change === "created" ? "invitation" : change === "updated" ? "update" : "cancellation"} for ${series.summary}`,
  });
  const removed = change === "updated" ? await removedAttendees(tx, ctx, series, options) : [];
  const released = await queueMails(
    tx,
    ctx,
    interventionId,
    { ...series, attendees: removed, cancelled: true },
    {
      method: "CANCEL",
      subject: `Cancelled: ${series.summary}`,
      ics: seriesCalendar([{ ...series, attendees: removed, cancelled: true }], {
        method: "CANCEL",
        stamp: ctx.now(),
      }),
      text: `You no longer facilitate ${series.summary}. The attached cancellation removes its sessions from your calendar.`,
      reason: `Calendar cancellation for ${series.summary} (no longer a facilitator)`,
    },
  );
  return { sequence: series.sequence, queued: queued + released };
}

/** Facilitators taken off the group who are not (again) among its attendees, with an address. */
async function removedAttendees(
  tx: Tx,
  ctx: UseCaseContext,
  series: CalendarSeries,
  options: CalendarChangeOptions,
) {
  const current = new Set(series.attendees.map((a) => a.email.toLowerCase()));
  const people = await staffContacts(tx, ctx.actor.tenantId, options.removedFacilitatorIds ?? []);
  return people.flatMap((p) =>
    p.email && !current.has(p.email.toLowerCase()) ? [{ name: p.name, email: p.email }] : [],
  );
}

/**
 * Queues the cancellation of one session to the group's facilitators: METHOD:CANCEL naming that
 * occurrence by its RECURRENCE-ID (RFC 5546 §3.2.5), SEQUENCE raised, so calendars drop it and
 * keep the rest of the series. Call it inside the cancelling transaction, after the session is
 * marked cancelled.
 */
export async function queueSessionCancellation(
  tx: Tx,
  ctx: UseCaseContext,
  sessionId: string,
): Promise<QueuedInvites> {
  const { tenantId } = ctx.actor;
  const session = await findSession(tx, tenantId, sessionId);
  if (!session) return NOTHING;
  if ((await raiseCalendarSequence(tx, tenantId, session.interventionId)) === null) return NOTHING;
  const [series] = await loadCalendarSeries(tx, tenantId, [session.interventionId]);
  const occurrence = series?.sessions.find((s) => s.id === sessionId);
  if (!series || !occurrence) return NOTHING;
  const day = `${formatDate(occurrence.date)} at ${occurrence.time}`;
  const queued = await queueMails(tx, ctx, session.interventionId, series, {
    method: "CANCEL",
    subject: `Cancelled: ${series.summary} on ${day}`,
    ics: occurrenceCancellation(series, occurrence, { stamp: ctx.now() }),
    text: `The session of ${series.summary} on ${day} is cancelled${session.cancellationReason ? `: ${session.cancellationReason}` : ""}. The attached cancellation removes it from your calendar; the other sessions stay.\n\n${series.description}`,
    reason: `Calendar cancellation of a session of ${series.summary}`,
  });
  return { sequence: series.sequence, queued };
}
