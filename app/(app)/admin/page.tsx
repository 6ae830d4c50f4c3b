import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import { isDistrictAdmin } from "@/lib/domain/policy";
import { requireActor } from "@/lib/server/actor";

export const metadata: Metadata = { title: "Administration" };

const SECTIONS = [
  {
    href: "/reports/district",
    title: "District view",
    text: "Every active group's fidelity, progress, projection and cost in one sortable table; CSV export.",
  },
  {
    href: "/admin/resources",
    title: "Resources",
    text: "The catalogue of curriculum, materials, equipment and rooms with their costs, and the staff rates group budgets use.",
  },
  {
    href: "/reports/resources",
    title: "Resource utilization",
    text: "Hours booked against hours available per room and resource, peak use and idle resources; CSV export.",
  },
  {
    href: "/admin/imports",
    title: "Imports",
    text: "Load the roster (OneRoster) and assessment scores, and see what each import changed.",
  },
  {
    href: "/admin/schedule",
    title: "Schedule",
    text: "Bell schedules (CSV upload too), A/B rotation days, protected time and rooms, per school.",
  },
  {
    href: "/admin/school-years",
    title: "School years",
    text: "First and last days of each year; the year-end rollover: which groups continue after the summer, tiers carried over.",
  },
  {
    href: "/admin/staff",
    title: "Staff time",
    text: "Working hours, absences (leave, training) and caseload caps of each staff member.",
  },
  {
    href: "/admin/mailbox",
    title: "Mailbox",
    text: "Letters and messages to families, as sent — or kept here when no mail server is set up.",
  },
  {
    href: "/admin/templates",
    title: "Letter templates",
    text: "The wording of the letters families receive, in each language.",
  },
  {
    href: "/admin/families",
    title: "Families",
    text: "Custody and contact restrictions of a guardian for a child; the languages families read their letters in.",
  },
  {
    href: "/admin/users",
    title: "People and access",
    text: "Who may sign in and with which role: change a role or switch an account off, at once.",
  },
  {
    href: "/admin/tokens",
    title: "API tokens",
    text: "Bearer tokens for the district's other systems and scripts: create, see last use, revoke.",
  },
  {
    href: "/admin/jobs",
    title: "Background jobs",
    text: "Mail delivery and nightly housekeeping: what is queued, what was retried, what failed.",
  },
  {
    href: "/admin/audit",
    title: "Audit trail",
    text: "Who changed what, when and why; compliance exports of a student's record for IEP meetings.",
  },
  {
    href: "/api-docs",
    title: "API reference",
    text: "The HTTP API and the events this service publishes and consumes.",
  },
] as const;

export default async function AdminPage() {
  const actor = await requireActor();
  if (!isDistrictAdmin(actor)) notFound();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Administration</h1>
        <p className="text-slate-700">{actor.districtName}</p>
      </div>
      <ul className="grid gap-4 md:grid-cols-2">
        {SECTIONS.map((section) => (
          <li key={section.href}>
            <Card className="h-full">
              <h2 className="text-lg font-semibold">
                <TextLink href={section.href}>{section.title}</TextLink>
              </h2>
              <p className="mt-1 text-sm text-slate-700">{section.text}</p>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
