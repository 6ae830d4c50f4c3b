import { interventions } from "../../schema";

/**
 * An intervention's stored schedule, everything the pages need to say when it meets (see
 * describeSchedule in components/interventions/format.ts) and when it runs from and to.
 */
export const scheduleColumns = {
  startDate: interventions.startDate,
  endDate: interventions.endDate,
  durationWeeks: interventions.durationWeeks,
  scheduleDays: interventions.scheduleDays,
  startTime: interventions.startTime,
  sessionMinutes: interventions.sessionMinutes,
  frequency: interventions.frequency,
};
