import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { InputField } from "@/components/ui/field";
import { FilterActions } from "@/components/ui/filter-actions";
import { TextLink } from "@/components/ui/text-link";
import { canManageContactRestrictions } from "@/lib/domain/policy/contact-restrictions";
import { contextFor, requireActor } from "@/lib/server/actor";
import {
  GUARDIAN_LINK_LIMIT,
  listGuardianLinks,
} from "@/lib/use-cases/families/list-guardian-links";
import { AdminPageHeader } from "../admin-page-header";
import { liftRestrictionAction, recordRestrictionAction } from "./actions";
import { RestrictionForm } from "./restriction-form";

export const metadata: Metadata = { title: "Families" };

/**
 * Custody and contact restrictions (issue 13, point 4): find a child or a guardian, record a
 * restriction for one guardian and one child, or lift it. With no search, the restrictions on
 * record are listed.
 */
export default async function FamiliesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  if (!canManageContactRestrictions(actor)) notFound();
  const raw = (await searchParams).q;
  const q = (typeof raw === "string" ? raw : "").trim().slice(0, 100);
  const { links, more } = await listGuardianLinks(contextFor(actor), q);

  return (
    <div className="space-y-6">
      <AdminPageHeader title="Families">
        Guardians as they are: each guardian of a child receives the child&apos;s letters in their
        own language and sees the child in the family portal. Where a court order or a custody
        arrangement says a guardian may not be contacted about a child, record it here: from then on
        that guardian gets no letter about the child and no portal access to the child, while the
        other guardians still do. Both the restriction and its lifting are kept in the audit trail
        with their reasons.
      </AdminPageHeader>

      <Card>
        <form method="get" className="grid gap-4 md:grid-cols-2" aria-label="Find a family">
          <InputField
            id="families-q"
            label="Child or guardian"
            hint="A name, a student number or an e-mail address."
            name="q"
            type="search"
            defaultValue={q}
          />
          <FilterActions submitLabel="Find" clearHref="/admin/families" />
        </form>
      </Card>

      <Card>
        <h2 className="mb-3 text-lg font-semibold">
          {q ? "Guardians found" : "Contact restrictions on record"}
        </h2>
        {links.length === 0 ? (
          <p className="text-slate-700">
            {q ? "No child or guardian matches." : "No restriction is recorded."}
          </p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {links.map((link) => (
              <li
                key={`${link.studentId}-${link.guardianId}`}
                className="py-3"
                data-testid="guardian-link"
              >
                <RestrictionForm
                  link={link}
                  record={recordRestrictionAction}
                  lift={liftRestrictionAction}
                />
              </li>
            ))}
          </ul>
        )}
        {more ? (
          <p className="mt-3 text-sm text-slate-700">
            The first {GUARDIAN_LINK_LIMIT} are shown; search with more words to find others.
          </p>
        ) : null}
      </Card>

      <Card>
        <h2 className="text-lg font-semibold">
          <TextLink href="/admin/families/languages">Families&apos; languages</TextLink>
        </h2>
        <p className="text-sm text-slate-700">
          Which languages the district&apos;s families read, which letters reach them in it, and the
          wording of a letter in a language of your own.
        </p>
      </Card>
    </div>
  );
}
