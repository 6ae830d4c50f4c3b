"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-outcome";
import type { ActionResult } from "@/lib/server/action";

type CreateAction = (values: unknown) => Promise<ActionResult<{ url: string }>>;
type RevokeAction = (values: unknown) => Promise<ActionResult<{ revoked: number }>>;

/** Create (or replace) and stop the feed; the new address is shown this once, to copy. */
export function CalendarFeedPanel({
  live,
  create,
  revoke,
}: {
  live: boolean;
  create: CreateAction;
  revoke: RevokeAction;
}) {
  const router = useRouter();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);

  const run = async <T,>(action: () => Promise<ActionResult<T>>, done: (data: T) => void) => {
    setBusy(true);
    setError(null);
    setCopied(false);
    const result = await action();
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    done(result.data);
    router.refresh();
  };

  const copy = async () => {
    if (!url) return;
    await navigator.clipboard.writeText(url);
    setCopied(true);
  };

  return (
    <div className="space-y-4">
      {url ? (
        <div
          className="space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-3"
          role="status"
        >
          <p className="font-medium text-emerald-900">
            Copy this address now and add it to your calendar program as a subscription (“From URL”
            / “Subscribe to calendar”): it is shown only this once.
          </p>
          <label htmlFor="calendar-feed-url" className="block text-sm font-medium text-slate-800">
            Your calendar feed address
          </label>
          <input
            id="calendar-feed-url"
            readOnly
            value={url}
            data-testid="calendar-feed-url"
            className={`${inputClasses} font-mono text-sm`}
            onFocus={(event) => event.currentTarget.select()}
          />
          <div className="flex items-center gap-3">
            <Button variant="secondary" onClick={copy}>
              Copy address
            </Button>
            <span aria-live="polite" className="text-sm text-slate-700">
              {copied ? "Copied." : ""}
            </span>
          </div>
        </div>
      ) : null}
      <FormError message={error} />
      <div className="flex flex-wrap gap-3">
        <Button
          disabled={busy}
          onClick={() =>
            run(
              () => create({}),
              (data) => setUrl(data.url),
            )
          }
        >
          {live || url ? "Replace the address" : "Create my calendar feed"}
        </Button>
        {live || url ? (
          <Button
            variant="danger"
            disabled={busy}
            onClick={() =>
              run(
                () => revoke({}),
                () => setUrl(null),
              )
            }
          >
            Stop the feed
          </Button>
        ) : null}
      </div>
    </div>
  );
}
