"use client";

import { useMemo, useState } from "react";
import { LetterText } from "@/components/letters/letter-text";
import { TemplateHelp } from "@/components/letters/template-help";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, inputClasses } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import {
  enrollmentLetterValues,
  type OptOutMode,
  sampleLetterFacts,
} from "@/lib/domain/letters/enrollment-letter";
import {
  sampleClosingSummaryFacts,
  sampleExitCelebrationFacts,
} from "@/lib/domain/letters/exit-letter-samples";
import { closingSummaryValues, exitCelebrationValues } from "@/lib/domain/letters/exit-letters";
import {
  LANGUAGE_NAMES,
  type LetterKind,
  type LetterLanguage,
  renderLetter,
  templateProblems,
} from "@/lib/domain/letters/templates";
import {
  sampleTierChangeFacts,
  tierChangeLetterValues,
} from "@/lib/domain/letters/tier-change-letter";
import type { ActionResult } from "@/lib/server/action";

/** What each kind of letter is called on the page. */
const KIND_NAMES: Record<LetterKind, string> = {
  enrollment: "Enrollment letter",
  "tier-change": "Tier change letter",
  "exit-celebration": "Exit celebration letter",
  "closing-summary": "Closing summary letter",
};

/** A made-up family's values for the preview of a letter of this kind. */
function sampleValues(
  kind: LetterKind,
  language: LetterLanguage,
  districtName: string,
  optOut: OptOutMode,
): Readonly<Record<string, string>> {
  switch (kind) {
    case "tier-change":
      return tierChangeLetterValues(sampleTierChangeFacts(language, districtName));
    case "exit-celebration":
      return exitCelebrationValues(sampleExitCelebrationFacts(language, districtName));
    case "closing-summary":
      return closingSummaryValues(sampleClosingSummaryFacts(language, districtName));
    default:
      return enrollmentLetterValues(sampleLetterFacts(language, districtName, optOut));
  }
}

interface Template {
  kind: LetterKind;
  language: LetterLanguage;
  subject: string;
  body: string;
  version: number;
}

/** One language's letter: edit subject and body, see it filled in for a made-up family. */
export function TemplateEditor({
  action,
  template,
  districtName,
  optOut,
}: {
  action: (values: unknown) => Promise<ActionResult<{ version: number }>>;
  template: Template;
  districtName: string;
  optOut: OptOutMode;
}) {
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [version, setVersion] = useState(template.version);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const problems = templateProblems({ subject, body }, template.kind);
  const preview = useMemo(
    () =>
      renderLetter(
        { subject, body },
        sampleValues(template.kind, template.language, districtName, optOut),
      ),
    [subject, body, template.kind, template.language, districtName, optOut],
  );
  // The enrollment letter keeps its ids and names; other kinds carry theirs.
  const enrollment = template.kind === "enrollment";
  const id = enrollment
    ? `template-${template.language}`
    : `template-${template.kind}-${template.language}`;
  const letterName = enrollment
    ? `${LANGUAGE_NAMES[template.language]} letter`
    : `${LANGUAGE_NAMES[template.language]} ${KIND_NAMES[template.kind].toLowerCase()}`;

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await action({
      kind: template.kind,
      language: template.language,
      subject,
      body,
    });
    setBusy(false);
    if (result.ok) {
      setVersion(result.data.version);
      setMessage({ ok: true, text: `Saved as version ${result.data.version}.` });
    } else {
      setMessage({
        ok: false,
        text: [result.message, ...result.fieldErrors.map((e) => e.message)].join(" "),
      });
    }
  };

  return (
    <Card className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">
          {KIND_NAMES[template.kind]} — {LANGUAGE_NAMES[template.language]}
        </h2>
        <p className="text-sm text-slate-600">
          {version === 0 ? "Built-in wording (not edited yet)" : `Version ${version}`}
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <form onSubmit={save} className="space-y-3" aria-label={`Edit the ${letterName}`}>
          <Field id={`${id}-subject`} label="Subject">
            <input
              id={`${id}-subject`}
              className={inputClasses}
              value={subject}
              onChange={(e) => setSubject(e.target.value)}
            />
          </Field>
          <Field id={`${id}-body`} label="Letter">
            <textarea
              id={`${id}-body`}
              rows={18}
              className={`${inputClasses} font-mono text-sm`}
              value={body}
              onChange={(e) => setBody(e.target.value)}
            />
          </Field>
          <TemplateHelp problems={problems} kind={template.kind} />
          <div className="flex items-center gap-3">
            <Button type="submit" disabled={busy || problems.length > 0}>
              Save {letterName}
            </Button>
            <FormOutcome message={message} className="text-sm" />
          </div>
        </form>
        <section
          aria-label={`Preview of the ${letterName}`}
          className="rounded-md border border-slate-200 bg-slate-50 p-4"
        >
          <h3 className="text-sm font-semibold text-slate-600">Preview (a made-up family)</h3>
          <p className="mt-2 font-semibold" lang={template.language}>
            {preview.subject}
          </p>
          <LetterText text={preview.body} language={template.language} className="mt-2 text-sm" />
        </section>
      </div>
    </Card>
  );
}
