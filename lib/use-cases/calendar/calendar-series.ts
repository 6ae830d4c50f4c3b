import type { Tx } from "@/db/client";
import { seriesFacilitators, seriesGroups, seriesSessions } from "@/db/queries/calendar/series";
import { districtOf } from "@/db/queries/districts";
import { type Config, config } from "@/lib/config";
import type { Weekday } from "@/lib/domain/calendar/dates";
import { type CalendarSeries, localTimeOf } from "@/lib/domain/calendar/series";

/**
 * Groups as calendar series (lib/domain/calendar/series.ts), read in the caller's transaction:
 * what the invites, the feed and the download all write. docs/decisions/0014-calendar-series.md.
 */

export interface CalendarSettings {
  /** Where the app is reached: each event links to its group's page. */
  appUrl: string;
  /** The address invites come from (MAIL_FROM): the series' ORGANIZER. */
  organizerEmail: string;
}

export function calendarSettingsFromConfig(settings: Config = config()): CalendarSettings {
  const appUrl = (settings.APP_URL ?? `http://localhost:${settings.PORT}`).replace(/\/+$/, "");
  const address = /<([^>]+)>\s*$/.exec(settings.MAIL_FROM)?.[1] ?? settings.MAIL_FROM;
  return { appUrl, organizerEmail: address.trim() };
}

/** The UID of a group's series: the group's id, which never changes, so updates find it. */
const seriesUid = (interventionId: string) => `${interventionId}@northstar-interventions`;

export async function loadCalendarSeries(
  tx: Tx,
  tenantId: string,
  interventionIds: readonly string[],
  settings: CalendarSettings = calendarSettingsFromConfig(),
): Promise<CalendarSeries[]> {
  const [district, groups, facilitators, sessions] = await Promise.all([
    districtOf(tx, tenantId),
    seriesGroups(tx, tenantId, interventionIds),
    seriesFacilitators(tx, tenantId, interventionIds),
    seriesSessions(tx, tenantId, interventionIds),
  ]);
  const timeZone = district.timeZone;
  return groups.map((group) => {
    const people = facilitators.filter((f) => f.interventionId === group.id);
    const url = `${settings.appUrl}/interventions/${group.id}`;
    return {
      uid: seriesUid(group.id),
      sequence: group.calendarSequence,
      summary: group.name,
      description: [
        `Tier ${group.tier} ${group.focusArea} intervention: ${group.frequency}.`,
        people.length > 0 ? `Facilitators: ${people.map((p) => p.name).join(", ")}.` : null,
        `Attendance and notes: ${url}`,
      ]
        .filter(Boolean)
        .join("\n"),
      location: [group.roomName, group.schoolName].filter(Boolean).join(", ") || null,
      url,
      organizer: { name: district.name, email: settings.organizerEmail },
      attendees: people.flatMap((p) => (p.email ? [{ name: p.name, email: p.email }] : [])),
      timeZone,
      pattern: {
        days: group.scheduleDays as Weekday[],
        startTime: group.startTime,
        minutes: group.sessionMinutes,
        startDate: group.startDate,
        endDate: group.endDate,
      },
      sessions: sessions
        .filter((s) => s.interventionId === group.id)
        .map((s) => ({
          id: s.id,
          date: s.date,
          time: localTimeOf(s.startsAt, timeZone),
          minutes: s.minutes,
          status: s.status,
          makeup: s.makeupForSessionId !== null,
        })),
      cancelled: group.status === "cancelled",
    };
  });
}
