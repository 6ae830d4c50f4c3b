import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { InputField, Options } from "@/components/ui/field";
import { FilterActions } from "@/components/ui/filter-actions";
import { FilterSelect } from "@/components/ui/filter-select";
import { formatMoment } from "@/lib/domain/calendar/format";
import { canManageAccounts, ROLE_LABELS, ROLES } from "@/lib/domain/policy";
import { accountsQuerySchema } from "@/lib/domain/users/access";
import { contextFor, requireActor } from "@/lib/server/actor";
import { ACCOUNT_LIST_LIMIT, listAccounts } from "@/lib/use-cases/users/list-accounts";
import { AdminPageHeader } from "../admin-page-header";
import { AccountAccessForm } from "./account-access-form";
import { changeAccessAction, giveAccountAction } from "./actions";
import { GiveAccountForm } from "./give-account-form";

export const metadata: Metadata = { title: "People and access" };

export default async function AccountsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  if (!canManageAccounts(actor)) notFound();
  const raw = await searchParams;
  const parsed = accountsQuerySchema.safeParse({
    q: typeof raw.q === "string" ? raw.q : undefined,
    role: typeof raw.role === "string" && raw.role !== "" ? raw.role : undefined,
  });
  const query = parsed.success ? parsed.data : {};
  const { accounts, more, staffWithoutAccount, guardiansWithoutAccount } = await listAccounts(
    contextFor(actor),
    query,
  );

  return (
    <div className="space-y-6">
      <AdminPageHeader title="People and access">
        Who may sign in to {actor.districtName}, and with which role. A change holds from the
        person&apos;s next click, even in a session that is already open, and is recorded in the
        audit trail. Staff roles need a staff record and the parent role a guardian record.
      </AdminPageHeader>

      <Card>
        <form method="get" className="grid gap-4 md:grid-cols-3" aria-label="Find accounts">
          <InputField
            id="accounts-q"
            label="Name or e-mail"
            hint="Staff and guardians without an account are found too, to give them one."
            name="q"
            type="search"
            defaultValue={query.q ?? ""}
          />
          <FilterSelect
            id="accounts-role"
            label="Role"
            name="role"
            value={query.role}
            any="Any role"
          >
            <Options items={ROLES} label={(role) => ROLE_LABELS[role]} />
          </FilterSelect>
          <FilterActions submitLabel="Find" clearHref="/admin/users" />
        </form>
      </Card>

      <Card>
        <h2 className="mb-3 text-lg font-semibold">
          Accounts{query.q || query.role ? " found" : ""}
        </h2>
        {accounts.length === 0 ? (
          <p className="text-slate-700">No account matches.</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {accounts.map((account) => (
              <li key={account.userId} className="py-3" data-testid="account">
                <AccountAccessForm
                  action={changeAccessAction}
                  account={{
                    userId: account.userId,
                    name: account.name,
                    email: account.email,
                    title: account.title,
                    role: account.role,
                    active: account.active,
                    roles: account.roles,
                    isSelf: account.isSelf,
                    lastSignIn: account.lastSignInAt
                      ? formatMoment(account.lastSignInAt, actor.timeZone)
                      : "never",
                  }}
                />
              </li>
            ))}
          </ul>
        )}
        {more ? (
          <p className="mt-3 text-sm text-slate-700">
            The first {ACCOUNT_LIST_LIMIT} are shown; search by name or e-mail to find others.
          </p>
        ) : null}
      </Card>
      <WithoutAccount
        title="Staff without an account"
        text="From the roster. An account signs in with the roster's e-mail address; the person receives a link to choose a password (or signs in with the district account)."
        testId="staff-without-account"
        people={staffWithoutAccount.map((person) => ({
          ...person,
          detail: person.title,
          target: { staffId: person.staffId },
        }))}
      />
      <WithoutAccount
        title="Families without portal access"
        text="Guardians from the roster. The portal shows them their own children only; the link to choose a password is written in the language the roster gives for their letters."
        testId="guardian-without-account"
        people={guardiansWithoutAccount.map((guardian) => ({
          name: guardian.name,
          email: guardian.email,
          detail: [
            guardian.children ? `guardian of ${guardian.children}` : null,
            guardian.language === "es" ? "Spanish" : null,
          ]
            .filter(Boolean)
            .join(" · "),
          target: { guardianId: guardian.guardianId },
        }))}
      />
    </div>
  );
}

/** The people a search found who cannot sign in yet, each with a form to give an account. */
function WithoutAccount({
  title,
  text,
  testId,
  people,
}: {
  title: string;
  text: string;
  testId: string;
  people: React.ComponentProps<typeof GiveAccountForm>["person"][];
}) {
  if (people.length === 0) return null;
  return (
    <Card>
      <h2 className="text-lg font-semibold">{title}</h2>
      <p className="mb-3 text-sm text-slate-700">{text}</p>
      <ul className="divide-y divide-slate-200">
        {people.map((person) => (
          <li key={Object.values(person.target)[0]} className="py-3" data-testid={testId}>
            <GiveAccountForm action={giveAccountAction} person={person} />
          </li>
        ))}
      </ul>
    </Card>
  );
}
