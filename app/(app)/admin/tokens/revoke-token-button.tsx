"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
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
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!confirming) {
    return (
      <Button variant="secondary" className="min-h-9" onClick={() => setConfirming(true)}>
        Revoke<span className="sr-only"> token {name}</span>
      </Button>
    );
  }
  const revoke = async () => {
    setBusy(true);
    const result = await action({ tokenId });
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    router.refresh();
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button variant="danger" className="min-h-9" disabled={busy} onClick={revoke}>
        Yes, revoke “{name}”
      </Button>
      <Button variant="ghost" className="min-h-9" onClick={() => setConfirming(false)}>
        Keep it
      </Button>
      {error ? (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      ) : null}
    </div>
  );
}
