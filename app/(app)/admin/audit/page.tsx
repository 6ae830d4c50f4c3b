import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataRow, DataTable } from "@/components/ui/data-table";
import { InputField, Options } from "@/components/ui/field";
import { FilterActions } from "@/components/ui/filter-actions";
import { FilterSelect } from "@/components/ui/filter-select";
import { TextLink } from "@/components/ui/text-link";
import { auditQuerySchema } from "@/lib/domain/audit/schemas";
import { formatMoment } from "@/lib/domain/calendar/format";
import { fieldErrorsFromZod } from "@/lib/domain/errors/from-zod";
import { canReadAuditTrail, ROLE_LABELS, type Role } from "@/lib/domain/policy";
import { contextFor, requireActor } from "@/lib/server/actor";
import { auditFilterChoices } from "@/lib/use-cases/audit/audit-filter-choices";
import { searchAuditTrail } from "@/lib/use-cases/audit/search-audit-trail";
import { viaApiToken } from "@/lib/use-cases/tokens/authenticate-token";
import { AdminPageHeader } from "../admin-page-header";
import { AuditEntryDetails } from "./entry-details";
import { StudentFilter } from "./student-filter";

export const metadata: Metadata = { title: "Audit trail" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The entries' date range: both ends are calendar days, the last one included. */
const DATE_RANGE = [
  { name: "from", label: "From" },
  { name: "to", label: "To (inclusive)" },
] as const;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  if (!canReadAuditTrail(actor)) notFound();
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([key, value]) => [key, first(value)]),
  );
  const parsed = auditQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : auditQuerySchema.parse({});
  const problems = parsed.success ? [] : fieldErrorsFromZod(parsed.error);
  const ctx = contextFor(actor);
  const [choices, page] = await Promise.all([
    auditFilterChoices(ctx),
    searchAuditTrail(ctx, query),
  ]);
  const studentLabel = page.items.find((row) => row.studentId === query.studentId)?.studentName;
  const next = new URLSearchParams(
    Object.entries({ ...raw, cursor: page.nextCursor ?? "" }).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== "",
    ),
  );

  return (
    <div className="space-y-6">
      <AdminPageHeader title="Audit trail">
        Every change to intervention records — who, what (before and after), when and why — and who
        read confidential records. Entries cannot be changed or removed; `npm run audit:verify`
        proves it.
      </AdminPageHeader>

      <Card>
        <form
          method="get"
          className="grid gap-4 md:grid-cols-3"
          aria-label="Filter the audit trail"
        >
          <StudentFilter
            initial={
              query.studentId
                ? { id: query.studentId, label: studentLabel ?? "Selected student" }
                : null
            }
          />
          <FilterSelect
            id="audit-user"
            label="Person"
            name="userId"
            value={query.userId}
            any="Anyone"
          >
            <Options
              items={choices.people}
              label={(person) => (
                <>
                  {person.name} ({ROLE_LABELS[person.role]})
                </>
              )}
            />
          </FilterSelect>
          <FilterSelect
            id="audit-action"
            label="Action"
            name="action"
            value={query.action}
            any="Any action"
          >
            <Options items={choices.actions} />
          </FilterSelect>
          {DATE_RANGE.map(({ name, label }) => (
            <InputField
              key={name}
              id={`audit-${name}`}
              label={label}
              name={name}
              type="date"
              defaultValue={query[name] ?? ""}
            />
          ))}
          <FilterActions submitLabel="Show entries" clearHref="/admin/audit" />
        </form>
        {problems.length > 0 ? (
          <ul role="alert" className="mt-3 text-sm text-red-700">
            {problems.map((problem) => (
              <li key={problem.path}>
                {problem.path}: {problem.message}
              </li>
            ))}
          </ul>
        ) : null}
        {query.studentId ? (
          <p className="mt-3 text-sm">
            <Link
              href={`/admin/audit/students/${query.studentId}`}
              className="font-medium text-brand-700 underline"
            >
              Compliance record and export for {studentLabel ?? "this student"}
            </Link>
          </p>
        ) : null}
      </Card>

      <Card>
        <h2 className="sr-only">Entries</h2>
        {page.items.length === 0 ? (
          <p className="text-slate-700">No entries match.</p>
        ) : (
          <DataTable
            columns={["When", "Who", "What", "Student", "Why"]}
            caption="Audit entries, newest first"
            headCellClassName="py-2 pr-3 font-medium"
          >
            {page.items.map((row) => (
              <DataRow key={row.id} data-testid="audit-row">
                <td className="whitespace-nowrap py-2 pr-3">
                  {formatMoment(row.occurredAt, actor.timeZone)}
                </td>
                <td className="py-2 pr-3">
                  {row.actorName ?? "System"}
                  {row.actorRole ? (
                    <span className="block text-slate-600">
                      {ROLE_LABELS[row.actorRole as Role] ?? row.actorRole}
                    </span>
                  ) : null}
                  {viaApiToken(row.requestId) ? (
                    <span className="block text-xs font-medium text-slate-700">via API token</span>
                  ) : null}
                </td>
                <td className="py-2 pr-3">
                  <span className="font-medium">{row.action}</span>
                  <AuditEntryDetails
                    before={row.before}
                    after={row.after}
                    requestId={row.requestId}
                  />
                </td>
                <td className="py-2 pr-3">
                  {row.studentId ? (
                    <TextLink href={`/admin/audit?studentId=${row.studentId}`}>
                      {row.studentName ?? "Student"}
                    </TextLink>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="py-2 pr-3" data-testid="audit-reason">
                  {row.reason ?? "—"}
                </td>
              </DataRow>
            ))}
          </DataTable>
        )}
        {page.nextCursor ? (
          <p className="mt-4">
            <Link href={`/admin/audit?${next.toString()}`} className={buttonClasses("secondary")}>
              Older entries
            </Link>
          </p>
        ) : null}
      </Card>
    </div>
  );
}
