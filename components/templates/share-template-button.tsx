"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/server/action";

type ShareAction = (
  values: { shareWithDistrict: true; version: number },
  templateId: string,
) => Promise<ActionResult<{ id: string; name: string }>>;

/**
 * "Share with the district" on a specialist's template (admins, /templates). Two steps: once
 * shared, every specialist of the district sees the template and only admins change it.
 */
export function ShareTemplateButton({
  template,
  action,
}: {
  template: { id: string; name: string; version: number };
  action: ShareAction;
}) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!confirming) {
    return (
      <Button variant="secondary" onClick={() => setConfirming(true)}>
        Share with the district<span className="sr-only"> — {template.name}</span>
      </Button>
    );
  }
  const share = async () => {
    setBusy(true);
    setError(null);
    const result = await action(
      { shareWithDistrict: true, version: template.version },
      template.id,
    );
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    router.refresh();
  };
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700">
        Every specialist of the district will see “{template.name}” and can start groups from it;
        from then on only admins change it.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <Button disabled={busy} onClick={share}>
          Yes, share “{template.name}”
        </Button>
        <Button variant="ghost" onClick={() => setConfirming(false)}>
          Not now
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
