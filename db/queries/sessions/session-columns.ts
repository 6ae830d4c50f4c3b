import { interventionSessions } from "../../schema";

/** A session as a calendar or a list places it: its group, its date, when it starts and how long. */
export const sessionTimeColumns = {
  id: interventionSessions.id,
  interventionId: interventionSessions.interventionId,
  date: interventionSessions.sessionDate,
  startsAt: interventionSessions.startsAt,
  minutes: interventionSessions.minutes,
};
