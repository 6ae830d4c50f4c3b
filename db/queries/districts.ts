import { and, asc, eq, gte, lte, sql } from "drizzle-orm";
import { summerDays } from "@/lib/domain/calendar/school-years";
import type { Database, Tx } from "../client";
import { districts, nonInstructionalDays, schoolYears } from "../schema";

/** The district itself: its row, its school calendar, its settings, and every district's id. */

export type District = typeof districts.$inferSelect;

export async function districtOf(tx: Tx, tenantId: string): Promise<District> {
  const [row] = await tx.select().from(districts).where(eq(districts.id, tenantId));
  if (!row) throw new Error("The current district is missing: was the tenant set?");
  return row;
}

export async function districtExists(tx: Tx, tenantId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: districts.id })
    .from(districts)
    .where(eq(districts.id, tenantId));
  return rows.length > 0;
}

/**
 * Every district: the background jobs (owner role, which may list districts) visit each in turn,
 * e.g. mail delivery.
 */
export async function allDistrictIds(db: Pick<Database, "select">): Promise<string[]> {
  const rows = await db.select({ id: districts.id }).from(districts).orderBy(asc(districts.id));
  return rows.map((r) => r.id);
}

/**
 * The days from `from` to `to` without school: the calendar's holidays and in-service days, and
 * the summers between the district's school years (lib/domain/calendar/school-years.ts).
 */
export async function nonInstructionalDaysBetween(
  tx: Tx,
  tenantId: string,
  from: string,
  to: string,
): Promise<Set<string>> {
  const rows = await tx
    .select({ day: nonInstructionalDays.day })
    .from(nonInstructionalDays)
    .where(
      and(
        eq(nonInstructionalDays.tenantId, tenantId),
        gte(nonInstructionalDays.day, from),
        lte(nonInstructionalDays.day, to),
      ),
    );
  const years = await tx
    .select({ firstDay: schoolYears.firstDay, lastDay: schoolYears.lastDay })
    .from(schoolYears)
    .where(eq(schoolYears.tenantId, tenantId));
  return new Set([...rows.map((r) => r.day), ...summerDays(years, from, to)]);
}

/** Sets one key of the district's settings, keeping the others. */
export async function setDistrictSetting(
  tx: Tx,
  tenantId: string,
  key: string,
  value: unknown,
): Promise<unknown> {
  const [row] = await tx
    .update(districts)
    .set({
      settings: sql`${districts.settings} || jsonb_build_object(${key}::text, ${JSON.stringify(value)}::jsonb)`,
    })
    .where(eq(districts.id, tenantId))
    .returning({ settings: districts.settings });
  return row?.settings;
}
