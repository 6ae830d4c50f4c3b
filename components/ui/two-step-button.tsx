"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult } from "@/lib/server/action";
import { Button, type ButtonVariant } from "./button";

/**
 * A button that asks once more before it acts: the first click shows what will happen and a
 * confirming button, so a stray tap on a phone changes nothing. The page is refreshed after the
 * action succeeds; a refusal is shown beside the buttons.
 */
export function TwoStepButton({
  label,
  confirmLabel,
  cancelLabel,
  explanation,
  confirmVariant = "primary",
  compact = false,
  act,
}: {
  /** The first button; may hold screen-reader-only text naming what it acts on. */
  label: React.ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** What confirming will do, shown with the confirming button. */
  explanation?: string;
  confirmVariant?: ButtonVariant;
  /** Smaller buttons, for a row of a table. */
  compact?: boolean;
  act: () => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const size = compact ? "min-h-9" : undefined;

  if (!confirming) {
    return (
      <Button variant="secondary" className={size} onClick={() => setConfirming(true)}>
        {label}
      </Button>
    );
  }
  const confirm = async () => {
    setBusy(true);
    setError(null);
    const result = await act();
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    router.refresh();
  };
  return (
    <div className="space-y-2">
      {explanation ? <p className="text-sm text-slate-700">{explanation}</p> : null}
      <div className="flex flex-wrap items-center gap-2">
        <Button variant={confirmVariant} className={size} disabled={busy} onClick={confirm}>
          {confirmLabel}
        </Button>
        <Button variant="ghost" className={size} onClick={() => setConfirming(false)}>
          {cancelLabel}
        </Button>
        {error ? (
          <span role="alert" className="text-sm text-red-700">
            {error}
          </span>
        ) : null}
      </div>
    </div>
  );
}
