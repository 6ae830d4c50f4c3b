"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormOutcome } from "@/components/ui/form-outcome";
import {
  LETTER_DELIVERY_MODES,
  type LetterSettings,
  OPT_OUT_MODES,
} from "@/lib/domain/letters/enrollment-letter";
import type { ActionResult } from "@/lib/server/action";

type Choice = { title: string; text: string };

/** How a setting is asked: the question, the note under it, and its choices in order. */
interface Setting<T extends string> {
  legend: string;
  help: string;
  choices: readonly T[];
  labels: Record<T, Choice>;
}

const OPT_OUT: Setting<LetterSettings["optOut"]> = {
  legend: "Opting out of an intervention",
  help: "Never blocks a family's right to ask for an evaluation.",
  choices: OPT_OUT_MODES,
  labels: {
    "not-offered": { title: "Not offered", text: "Letters do not mention opting out." },
    "by-request": {
      title: "By request",
      text: "Letters tell families to ask the facilitator; staff record it.",
    },
    "one-click": {
      title: "One click",
      text: "Letters carry a signed link (valid 60 days) that records the decision without signing in and tells the specialist.",
    },
  },
};

const DELIVERY: Setting<LetterSettings["delivery"]> = {
  legend: "What the e-mail carries",
  help: "E-mail is not a secure channel. Either way the letter is kept in the family portal and in the mailbox.",
  choices: LETTER_DELIVERY_MODES,
  labels: {
    "full-letter": {
      title: "The whole letter",
      text: "The e-mail's body is the letter. Its subject never names the child's needs.",
    },
    "portal-notice": {
      title: "A notice with a portal link",
      text: "The e-mail only says a letter is waiting; families read it in the portal after signing in.",
    },
  },
};

/** One district setting as a row of radio cards. */
function ChoiceGroup<T extends string>({
  name,
  legend,
  help,
  choices,
  labels,
  value,
  onChange,
}: Setting<T> & {
  name: string;
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset>
      <legend className="text-lg font-semibold">{legend}</legend>
      <p className="text-sm text-slate-700">{help}</p>
      <div className="mt-2 grid gap-2 md:grid-cols-3">
        {choices.map((choice) => (
          <label
            key={choice}
            className={`flex cursor-pointer gap-2 rounded-md border p-3 text-sm ${value === choice ? "border-brand-600 bg-brand-50" : "border-slate-300"}`}
          >
            <input
              type="radio"
              name={name}
              value={choice}
              checked={value === choice}
              onChange={() => onChange(choice)}
            />
            <span>
              <span className="font-semibold">{labels[choice].title}</span>
              <span className="block text-slate-700">{labels[choice].text}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The district's letter settings: opting out, and how letters travel by e-mail. */
export function LetterSettingsForm({
  action,
  current,
}: {
  action: (values: unknown) => Promise<ActionResult<LetterSettings>>;
  current: LetterSettings;
}) {
  const [saved, setSaved] = useState<LetterSettings>(current);
  const [optOut, setOptOut] = useState(current.optOut);
  const [delivery, setDelivery] = useState(current.delivery);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const unchanged = optOut === saved.optOut && delivery === saved.delivery;
  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await action({ optOut, delivery });
    setBusy(false);
    if (result.ok) setSaved(result.data);
    setMessage(
      result.ok
        ? { ok: true, text: "Saved. New letters follow these settings." }
        : { ok: false, text: result.message },
    );
  };
  return (
    <Card>
      <form onSubmit={save} className="space-y-4">
        <ChoiceGroup name="optOut" {...OPT_OUT} value={optOut} onChange={setOptOut} />
        <ChoiceGroup name="delivery" {...DELIVERY} value={delivery} onChange={setDelivery} />
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={busy || unchanged}>
            Save settings
          </Button>
          <FormOutcome message={message} />
        </div>
      </form>
    </Card>
  );
}
