import type { Tx } from "@/db/client";
import { budgetRowsOf } from "@/db/queries/budget-inputs";
import { districtOf } from "@/db/queries/districts";
import { type StoredTemplate, templateOutcomeRows, usableTemplates } from "@/db/queries/templates";
import { withTenant } from "@/db/with-tenant";
import { todayIn } from "@/lib/domain/calendar/dates";
import { measureKey, mergeReadings, type TimelineReading } from "@/lib/domain/progress/timeline";
import {
  computeTemplateRecord,
  rankByEffectSize,
  roundTemplateRecordForDisplay,
  type TemplateGroupOutcome,
  type TemplateRecord,
  type TemplateStatsDto,
  templateRecordSettingsOf,
} from "@/lib/domain/templates/record";
import { typicalWeeklyGrowth } from "@/lib/domain/templates/typical-growth";
import type { UseCaseContext } from "../context";
import { budgetsFromRows } from "../resources/intervention-budget";
import { deliveryOf } from "../sessions/delivery-of";
import { loadVisibleTemplate, requireTemplateUser } from "./templates";

/**
 * Templates' record (issue 12 item 4; docs/domain.md "Templates' record"): each template's
 * groups, students, responders, growth, effect size and hours, computed from the groups that
 * remember it (interventions.template_id), and the "most effective" order among the templates
 * the caller may start a group from.
 */

/** Each template's full-precision record, from one read of its groups and their scores. */
async function recordsOf(
  tx: Tx,
  ctx: UseCaseContext,
  templates: readonly StoredTemplate[],
  today: string,
  districtSettings: unknown,
): Promise<Map<string, TemplateRecord>> {
  const { tenantId } = ctx.actor;
  const rows = await templateOutcomeRows(
    tx,
    tenantId,
    templates.map((t) => t.id),
  );
  const groupIds = rows.groups.map((g) => g.id);
  const [deliveries, budgetRows] = await Promise.all([
    deliveryOf(tx, tenantId, rows.groups, ctx.now()),
    // Template users (specialists, admins) manage every group, so they see pay rates.
    budgetRowsOf(tx, tenantId, groupIds, "held"),
  ]);
  const enrolledIn = (groupId: string) =>
    rows.enrollments.filter((e) => e.interventionId === groupId);
  // Each group priced by its budget's rules over its sessions held, for everyone ever enrolled.
  const budgets = budgetsFromRows(
    budgetRows,
    rows.groups.map((g) => ({
      id: g.id,
      durationWeeks: g.durationWeeks,
      students: enrolledIn(g.id).length,
    })),
    districtSettings,
  );

  const readingsOf = new Map<string, (TimelineReading & { studentId: string })[]>();
  const push = (reading: TimelineReading & { studentId: string }) => {
    const key = `${reading.interventionId}|${reading.studentId}`;
    readingsOf.set(key, [...(readingsOf.get(key) ?? []), reading]);
  };
  const groupById = new Map(rows.groups.map((g) => [g.id, g]));
  for (const probe of rows.probes) {
    const group = groupById.get(probe.interventionId);
    if (!group?.measureName) continue;
    push({ ...probe, measureName: group.measureName, unit: null, source: "probe" });
  }
  // A note's reading counts when it names the group's measure, as on the dashboard
  // (lib/use-cases/progress/get-effectiveness.ts).
  for (const note of rows.readings) {
    const group = groupById.get(note.interventionId);
    if (!group?.measureName || note.measureName === null || note.value === null) continue;
    if (measureKey(note.measureName) !== measureKey(group.measureName)) continue;
    push({
      interventionId: note.interventionId,
      studentId: note.studentId,
      date: note.date,
      value: note.value,
      measureName: group.measureName,
      unit: note.unit,
      source: "note",
    });
  }

  return new Map(
    templates.map((template) => {
      const groups: TemplateGroupOutcome[] = rows.groups
        .filter((g) => g.templateId === template.id)
        .map((g) => {
          const { delivery, fidelity } = deliveries.get(g.id)!;
          return {
            status: g.status,
            startDate: g.startDate,
            endDate: g.endDate,
            direction: g.measureDirection,
            goal: g.goalValue,
            sameMeasure:
              template.measureName !== null &&
              g.measureName !== null &&
              measureKey(g.measureName) === measureKey(template.measureName),
            fidelity,
            sessionsHeld: delivery.sessionsHeld,
            sessionMinutes: g.sessionMinutes,
            facilitatorCount: g.facilitatorCount,
            exitedStudentIds: rows.exits
              .filter((x) => x.interventionId === g.id)
              .map((x) => x.studentId),
            spentCents: budgets.get(g.id)?.totalCents ?? null,
            students: enrolledIn(g.id).map((e) => ({
              studentId: e.studentId,
              scores: mergeReadings(readingsOf.get(`${g.id}|${e.studentId}`) ?? []),
            })),
          };
        });
      const record = computeTemplateRecord({
        groups,
        today,
        typicalWeeklyGrowth: typicalWeeklyGrowth(template.measureName),
      });
      return [template.id, record];
    }),
  );
}

/** Every usable template's stats, most effective first, then the unranked in the list's order. */
async function rankedStats(tx: Tx, ctx: UseCaseContext): Promise<TemplateStatsDto[]> {
  const { tenantId, userId } = ctx.actor;
  const [district, templates] = await Promise.all([
    districtOf(tx, tenantId),
    usableTemplates(tx, tenantId, userId),
  ]);
  const { minStudentsToRank } = templateRecordSettingsOf(district.settings);
  const today = todayIn(district.timeZone, ctx.now());
  const records = await recordsOf(tx, ctx, templates, today, district.settings);
  const ranked = rankByEffectSize(
    templates.map((template) => ({ template, ...records.get(template.id)! })),
    minStudentsToRank,
  );
  return ranked.map(({ item: { template, ...record }, standing }) => ({
    templateId: template.id,
    measure: template.measureName
      ? { name: template.measureName, unit: template.measureUnit }
      : null,
    record: roundTemplateRecordForDisplay(record),
    minStudentsToRank,
    rank: standing.rank,
    notRankedBecause: standing.rank === null ? standing.reason : null,
  }));
}

/** The picker's records (components/interventions/template-picker.tsx), most effective first. */
export async function listTemplateRecords(
  ctx: UseCaseContext,
): Promise<{ minStudentsToRank: number; items: TemplateStatsDto[] }> {
  requireTemplateUser(ctx);
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const items = await rankedStats(tx, ctx);
    const district = await districtOf(tx, ctx.actor.tenantId);
    return {
      minStudentsToRank: templateRecordSettingsOf(district.settings).minStudentsToRank,
      items,
    };
  });
}

/**
 * `GET /templates/{id}/stats`: visible as the template is (another specialist's personal one,
 * or another district's, is 404). Its rank is among the templates the caller may use, as the
 * picker orders them.
 */
export async function getTemplateStats(ctx: UseCaseContext, id: string): Promise<TemplateStatsDto> {
  requireTemplateUser(ctx);
  return withTenant(ctx.db, ctx.actor, async (tx) => {
    const template = await loadVisibleTemplate(tx, ctx, id);
    const stats = (await rankedStats(tx, ctx)).find((s) => s.templateId === template.id);
    if (stats) return stats;
    // An admin reads a specialist's personal template, which is not in the admin's own list.
    const { tenantId } = ctx.actor;
    const district = await districtOf(tx, tenantId);
    const today = todayIn(district.timeZone, ctx.now());
    const record = (await recordsOf(tx, ctx, [template], today, district.settings)).get(
      template.id,
    )!;
    return {
      templateId: template.id,
      measure: template.measureName
        ? { name: template.measureName, unit: template.measureUnit }
        : null,
      record: roundTemplateRecordForDisplay(record),
      minStudentsToRank: templateRecordSettingsOf(district.settings).minStudentsToRank,
      rank: null,
      notRankedBecause: null,
    };
  });
}
