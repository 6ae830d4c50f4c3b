import type { LocalDate } from "../calendar/dates";
import type { PlannedSession } from "./generate-sessions";

export interface StoredSession {
  id: string;
  sequence: number;
  date: LocalDate;
  status: "scheduled" | "held" | "cancelled";
  makeupForSessionId: string | null;
}

/**
 * A group's schedule changed (docs/domain.md, "Scheduling"): the sessions still to come are
 * planned again from the new series, from today on. Held and cancelled sessions, sessions of
 * days already past and make-ups stay as they are; new sessions continue the numbering.
 */
export function replanSessions(
  stored: readonly StoredSession[],
  series: readonly PlannedSession[],
  today: LocalDate,
): { removed: string[]; added: PlannedSession[] } {
  const replaced = stored.filter(
    (session) =>
      session.status === "scheduled" && session.date >= today && !session.makeupForSessionId,
  );
  const replacedIds = new Set(replaced.map((session) => session.id));
  const kept = stored.filter((session) => !replacedIds.has(session.id));
  let sequence = Math.max(0, ...kept.map((session) => session.sequence));
  const added = series
    .filter((session) => session.date >= today)
    .map((session) => ({ ...session, sequence: ++sequence }));
  return { removed: [...replacedIds], added };
}
