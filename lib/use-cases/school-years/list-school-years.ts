import type { Tx } from "@/db/client";
import { districtOf } from "@/db/queries/districts";
import { reportingPeriodsOf } from "@/db/queries/families/reporting-periods";
import {
  groupsMeetingAfter,
  type StoredSchoolYear,
  schoolYearsOf,
  tieredStudents,
} from "@/db/queries/school-years";
import { withTenant } from "@/db/with-tenant";
import { todayIn } from "@/lib/domain/calendar/dates";
import { followingYear } from "@/lib/domain/calendar/school-years";
import { ForbiddenError } from "@/lib/domain/errors";
import { canManageSchoolYears } from "@/lib/domain/policy";
import type { UseCaseContext } from "../context";

export interface SchoolYearDto {
  id: string;
  label: string;
  firstDay: string;
  lastDay: string;
  status: "open" | "closed";
  closedAt: string | null;
}

export function schoolYearDto(year: StoredSchoolYear): SchoolYearDto {
  return {
    id: year.id,
    label: year.label,
    firstDay: year.firstDay,
    lastDay: year.lastDay,
    status: year.closedAt ? "closed" : "open",
    closedAt: year.closedAt?.toISOString() ?? null,
  };
}

/** The earliest year still open (the one to close next), and the year that follows it. */
export function yearToClose(years: readonly StoredSchoolYear[]) {
  const closing = years.find((year) => !year.closedAt) ?? null;
  const next = closing ? (years.find((year) => year.firstDay > closing.lastDay) ?? null) : null;
  return { closing, next };
}

/** What closing `closing` would do: the groups meeting after its last day, the tiers to carry. */
export async function rolloverPreview(tx: Tx, tenantId: string, closing: StoredSchoolYear) {
  const groups = await groupsMeetingAfter(tx, tenantId, closing.lastDay);
  const tiered = await tieredStudents(tx, tenantId);
  return { groups, tieredStudents: tiered.length };
}

/**
 * The district's school years (admins only) with their reporting periods, and the year-end
 * rollover of the earliest open one: the groups still meeting after its last day, each to continue or end, and how many
 * students' tiers carry over. `suggestedNext` prefills the form for the year after the latest.
 */
export async function listSchoolYears(ctx: UseCaseContext) {
  if (!canManageSchoolYears(ctx.actor)) {
    throw new ForbiddenError("Only district admins manage school years.");
  }
  const { tenantId } = ctx.actor;
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const years = await schoolYearsOf(tx, tenantId);
    const periods = await reportingPeriodsOf(tx, tenantId);
    const district = await districtOf(tx, tenantId);
    const { closing, next } = yearToClose(years);
    const latest = years.at(-1);
    return {
      today: todayIn(district.timeZone, ctx.now()),
      items: years.map(schoolYearDto),
      reportingPeriods: periods.map((period) => ({
        id: period.id,
        schoolYearId: period.schoolYearId,
        name: period.name,
        endsOn: period.endsOn,
        summaries: period.summaries,
      })),
      suggestedNext: latest ? followingYear(latest) : null,
      rollover: closing
        ? {
            year: schoolYearDto(closing),
            next: next ? schoolYearDto(next) : null,
            ...(await rolloverPreview(tx, tenantId, closing)),
          }
        : null,
    };
  });
}

export type SchoolYearsView = Awaited<ReturnType<typeof listSchoolYears>>;
