import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DistrictTable } from "@/components/effectiveness/district-table";
import { ReportHeader } from "@/components/reports/report-header";
import { Card } from "@/components/ui/card";
import { Options } from "@/components/ui/field";
import { FilterActions } from "@/components/ui/filter-actions";
import { FilterSelect } from "@/components/ui/filter-select";
import { PageLinks } from "@/components/ui/page-links";
import { formatDate } from "@/lib/domain/calendar/format";
import { isDistrictAdmin } from "@/lib/domain/policy";
import { DISTRICT_SORTS, districtQuerySchema } from "@/lib/domain/reports/district-effectiveness";
import { districtPage } from "@/lib/domain/reports/district-page";
import { firstParam, firstParams, type SearchParams } from "@/lib/domain/search-params";
import { contextFor, requireActor } from "@/lib/server/actor";
import { districtEffectiveness } from "@/lib/use-cases/reports/district-effectiveness";

export const metadata: Metadata = { title: "District view" };

/**
 * Issue 12's district view for admins: every active group of the district, sortable by each
 * column, narrowed by school, focus area and facilitator, exported as CSV (./export/route.ts).
 * Anyone else gets the 404 the admin pages give (app/(app)/admin/page.tsx).
 */
export default async function DistrictViewPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requireActor();
  if (!isDistrictAdmin(actor)) notFound();
  const params = await searchParams;
  const parsed = districtQuerySchema.safeParse(
    firstParams(params, ["schoolId", "focusArea", "facilitatorId", "sort", "direction"]),
  );
  if (!parsed.success) notFound();
  const query = parsed.data;
  const view = await districtEffectiveness(contextFor(actor), query);

  const narrowing = {
    ...(query.schoolId ? { schoolId: query.schoolId } : {}),
    ...(query.focusArea ? { focusArea: query.focusArea } : {}),
    ...(query.facilitatorId ? { facilitatorId: query.facilitatorId } : {}),
  };
  const sortHrefs = Object.fromEntries(
    DISTRICT_SORTS.map((sort) => [
      sort,
      `?${new URLSearchParams({
        ...narrowing,
        sort,
        direction: sort === query.sort && query.direction === "asc" ? "desc" : "asc",
      })}`,
    ]),
  ) as Record<(typeof DISTRICT_SORTS)[number], string>;
  const exportHref = `/reports/district/export?${new URLSearchParams({ ...narrowing, sort: query.sort, direction: query.direction })}`;
  const inStaffHours = view.rows.some((r) => r.costUnit === "staff hours");
  const shown = districtPage(firstParam(params.page), view.rows.length);
  const pageHref = (page: number) =>
    `?${new URLSearchParams({ ...narrowing, sort: query.sort, direction: query.direction, page: String(page) })}`;

  return (
    <div className="space-y-6">
      <ReportHeader title="District view" exportHref={exportHref}>
        Every active intervention group of {actor.districtName}, as of {formatDate(view.today)}.
        Each figure is the one on the group's effectiveness page; a "—" says why it cannot be given
        when you point at it.
      </ReportHeader>

      <Card>
        <form
          method="get"
          className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end"
          aria-label="District view filters"
        >
          <FilterSelect
            id="district-schoolId"
            label="School"
            name="schoolId"
            value={query.schoolId}
            any="All schools"
          >
            <Options items={view.choices.schools} label={(s) => s.label} />
          </FilterSelect>
          <FilterSelect
            id="district-focusArea"
            label="Focus area"
            name="focusArea"
            value={query.focusArea}
            any="All focus areas"
          >
            <Options items={view.choices.focusAreas} />
          </FilterSelect>
          <FilterSelect
            id="district-facilitatorId"
            label="Facilitator"
            name="facilitatorId"
            value={query.facilitatorId}
            any="All facilitators"
          >
            <Options items={view.choices.facilitators} label={(f) => f.label} />
          </FilterSelect>
          <input type="hidden" name="sort" value={query.sort} />
          <input type="hidden" name="direction" value={query.direction} />
          <FilterActions submitLabel="Show groups" clearHref="/reports/district" />
        </form>
      </Card>

      <Card className="space-y-3">
        <p aria-live="polite" data-testid="district-count">
          <span className="font-semibold">{view.rows.length}</span> active{" "}
          {view.rows.length === 1 ? "group" : "groups"}
          {shown.pages > 1 ? `, ${shown.from + 1}–${shown.to} shown` : ""}
        </p>
        {inStaffHours ? (
          <p className="text-sm text-slate-700" data-testid="cost-note">
            No hourly staff cost is recorded for the district, so costs are given in staff hours
            (sessions held × minutes × facilitators).
          </p>
        ) : null}
        {view.rows.length === 0 ? (
          <p className="text-slate-700">No active group matches these filters.</p>
        ) : (
          <DistrictTable
            rows={view.rows.slice(shown.from, shown.to)}
            sort={query.sort}
            direction={query.direction}
            sortHrefs={sortHrefs}
          />
        )}
        <PageLinks
          label="Pages of the district view"
          page={shown.page}
          pages={shown.pages}
          href={pageHref}
        />
      </Card>
    </div>
  );
}
