import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { DataRow, DataTable } from "@/components/ui/data-table";
import { now } from "@/lib/clock";
import { formatMoment } from "@/lib/domain/calendar/format";
import { canManageApiTokens, ROLE_LABELS } from "@/lib/domain/policy";
import { contextFor, requireActor } from "@/lib/server/actor";
import { listApiTokens } from "@/lib/use-cases/tokens/list-api-tokens";
import { AdminPageHeader } from "../admin-page-header";
import { createTokenAction, revokeTokenAction } from "./actions";
import { CreateTokenForm } from "./create-token-form";
import { RevokeTokenButton } from "./revoke-token-button";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const actor = await requireActor();
  if (!canManageApiTokens(actor)) notFound();
  const tokens = await listApiTokens(contextFor(actor));
  const when = (date: Date | null) => (date ? formatMoment(date, actor.timeZone) : "Never");

  return (
    <div className="space-y-6">
      <AdminPageHeader title="API tokens">
        A token lets one of the district&apos;s systems call the{" "}
        <Link href="/api-docs" className="text-brand-700 underline">
          HTTP API
        </Link>{" "}
        with the role you give it, in {actor.districtName} only. Only a fingerprint (SHA-256) is
        stored; what a token does is recorded in the audit trail under your name. A token works only
        while the admin who created it is an active district admin, and until the day it expires (at
        most a year after it was created).
      </AdminPageHeader>

      <CreateTokenForm action={createTokenAction} />

      <Card>
        <h2 className="mb-3 text-lg font-semibold">Tokens of the district</h2>
        {tokens.length === 0 ? (
          <p className="text-slate-700">No tokens yet.</p>
        ) : (
          <DataTable
            columns={["Name", "Role", "Created", "Expires", "Last used", "Status"]}
            caption="API tokens, live ones first"
          >
            {tokens.map((token) => (
              <DataRow key={token.id} data-testid="token-row">
                <td className="py-2 pr-4 font-medium">{token.name}</td>
                <td className="py-2 pr-4">{ROLE_LABELS[token.role]}</td>
                <td className="py-2 pr-4">
                  {when(token.createdAt)}
                  {token.createdByName ? (
                    <span className="block text-slate-600">by {token.createdByName}</span>
                  ) : null}
                </td>
                <td className="py-2 pr-4" data-testid="token-expires">
                  {token.expiresAt <= now() ? "Expired " : ""}
                  {when(token.expiresAt)}
                </td>
                <td className="py-2 pr-4" data-testid="token-last-used">
                  {when(token.lastUsedAt)}
                </td>
                <td className="py-2 pr-4">
                  {token.revokedAt ? (
                    <span className="text-slate-600">Revoked {when(token.revokedAt)}</span>
                  ) : (
                    <RevokeTokenButton
                      tokenId={token.id}
                      name={token.name}
                      action={revokeTokenAction}
                    />
                  )}
                </td>
              </DataRow>
            ))}
          </DataTable>
        )}
      </Card>
    </div>
  );
}
