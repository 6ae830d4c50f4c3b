"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { TemplateHelp } from "@/components/letters/template-help";
import { Button } from "@/components/ui/button";
import { InputField, Options, SelectField, TextAreaField } from "@/components/ui/field";
import { FormOutcome } from "@/components/ui/form-outcome";
import {
  LETTER_KIND_NAMES,
  LETTER_KINDS,
  type LetterKind,
  type LetterTemplate,
  templateProblems,
} from "@/lib/domain/letters/templates";
import type { ActionResult } from "@/lib/server/action";

type Save = (values: unknown) => Promise<ActionResult<{ version: number }>>;
type Added = LetterTemplate & { kind: LetterKind; language: string; version: number };

/**
 * A letter's wording in a language of the district's own: pick the language (its code) and the
 * kind; the text starts from the wording already saved in that language, else from the English
 * one to translate. The fields in double braces are filled in (in English) for each family.
 */
export function WordingForm({
  save,
  english,
  added,
  initialLanguage,
}: {
  save: Save;
  english: Record<LetterKind, LetterTemplate>;
  added: Added[];
  initialLanguage: string;
}) {
  const router = useRouter();
  const startOf = (language: string, kind: LetterKind) =>
    added.find((t) => t.language === language && t.kind === kind) ?? english[kind];
  const [language, setLanguage] = useState(initialLanguage);
  const [kind, setKind] = useState<LetterKind>("enrollment");
  const [subject, setSubject] = useState(startOf(initialLanguage, "enrollment").subject);
  const [body, setBody] = useState(startOf(initialLanguage, "enrollment").body);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const problems = templateProblems({ subject, body }, kind);

  const choose = (nextLanguage: string, nextKind: LetterKind) => {
    setLanguage(nextLanguage);
    setKind(nextKind);
    const start = startOf(nextLanguage.trim().toLowerCase(), nextKind);
    setSubject(start.subject);
    setBody(start.body);
    setOutcome(null);
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await save({ kind, language, subject, body });
    setBusy(false);
    if (!result.ok) {
      setOutcome({
        ok: false,
        text: [result.message, ...result.fieldErrors.map((e) => e.message)].join(" "),
      });
      return;
    }
    setOutcome({
      ok: true,
      text: `Saved as version ${result.data.version}: families who read ${language} now get this ${LETTER_KIND_NAMES[kind].toLowerCase()} in it.`,
    });
    router.refresh();
  };

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Write a letter in another language">
      <div className="grid gap-4 md:grid-cols-2">
        <InputField
          id="wording-language"
          label="Language code"
          hint="Two or three letters, e.g. vi (Vietnamese), so (Somali), hmn (Hmong)."
          value={language}
          required
          onChange={(event) => setLanguage(event.target.value)}
          onBlur={(event) => choose(event.target.value, kind)}
        />
        <SelectField
          id="wording-kind"
          label="Kind of letter"
          value={kind}
          onChange={(event) => choose(language, event.target.value as LetterKind)}
        >
          <Options items={LETTER_KINDS} label={(choice) => LETTER_KIND_NAMES[choice]} />
        </SelectField>
      </div>
      <InputField
        id="wording-subject"
        label="Subject"
        value={subject}
        onChange={(event) => setSubject(event.target.value)}
      />
      <TextAreaField
        id="wording-body"
        label="Text of the letter"
        rows={16}
        className="font-mono text-sm"
        value={body}
        onChange={(event) => setBody(event.target.value)}
      />
      <TemplateHelp problems={problems} kind={kind} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={busy || problems.length > 0 || !language.trim()}>
          Save the wording
        </Button>
        <FormOutcome message={outcome} className="text-sm" />
      </div>
    </form>
  );
}
