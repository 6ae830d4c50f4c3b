"use client";

import { TwoStepButton } from "@/components/ui/two-step-button";
import type { ActionResult } from "@/lib/server/action";

type RevokeAction = (values: unknown) => Promise<ActionResult<{ revoked: string }>>;

/** Two steps, so a stray click does not cut off an integration. */
export function RevokeTokenButton({
  tokenId,
  name,
  action,
}: {
  tokenId: string;
  name: string;
  action: RevokeAction;
}) {
  return (
    <TwoStepButton
      compact
      label={
        <>
          Revoke<span className="sr-only"> token {name}</span>
        </>
      }
      confirmLabel={`Yes, revoke “${name}”`}
      cancelLabel="Keep it"
      confirmVariant="danger"
      act={() => action({ tokenId })}
    />
  );
}
