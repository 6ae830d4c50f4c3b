"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { OPT_OUT_MODES, type OptOutMode } from "@/lib/domain/letters/enrollment-letter";
import type { ActionResult } from "@/lib/server/action";

const LABELS: Record<OptOutMode, { title: string; text: string }> = {
  "not-offered": { title: "Not offered", text: "Letters do not mention opting out." },
  "by-request": {
    title: "By request",
    text: "Letters tell families to ask the facilitator; staff record it.",
  },
  "one-click": {
    title: "One click",
    text: "Letters carry a signed link (valid 60 days) that records the decision without signing in and tells the specialist.",
  },
};

export function OptOutSettingForm({
  action,
  current,
}: {
  action: (values: unknown) => Promise<ActionResult<{ optOut: OptOutMode }>>;
  current: OptOutMode;
}) {
  const [value, setValue] = useState<OptOutMode>(current);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await action({ optOut: value });
    setBusy(false);
    setMessage(
      result.ok
        ? { ok: true, text: "Saved. New letters follow this setting." }
        : { ok: false, text: result.message },
    );
  };
  return (
    <Card>
      <form onSubmit={save} className="space-y-3">
        <fieldset>
          <legend className="text-lg font-semibold">Opting out of an intervention</legend>
          <p className="text-sm text-slate-700">
            Never blocks a family's right to ask for an evaluation.
          </p>
          <div className="mt-2 grid gap-2 md:grid-cols-3">
            {OPT_OUT_MODES.map((mode) => (
              <label
                key={mode}
                className={`flex cursor-pointer gap-2 rounded-md border p-3 text-sm ${value === mode ? "border-brand-600 bg-brand-50" : "border-slate-300"}`}
              >
                <input
                  type="radio"
                  name="optOut"
                  value={mode}
                  checked={value === mode}
                  onChange={() => setValue(mode)}
                />
                <span>
                  <span className="font-semibold">{LABELS[mode].title}</span>
                  <span className="block text-slate-700">{LABELS[mode].text}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={busy || value === current}>
            Save setting
          </Button>
          {message ? (
            <p
              role={message.ok ? "status" : "alert"}
              className={message.ok ? "text-emerald-800" : "text-red-700"}
            >
              {message.text}
            </p>
          ) : null}
        </div>
      </form>
    </Card>
  );
}
