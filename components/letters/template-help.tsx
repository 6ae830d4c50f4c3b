import type { FieldError } from "@/lib/domain/errors";
import { LETTER_PLACEHOLDERS, type LetterKind } from "@/lib/domain/letters/templates";

/**
 * Under a letter's text while it is edited (the template editor and the family languages'
 * wording form): what is wrong with it as typed, and the placeholders the kind of letter fills.
 */
export function TemplateHelp({
  problems,
  kind,
}: {
  problems: readonly FieldError[];
  kind: LetterKind;
}) {
  return (
    <>
      {problems.length > 0 ? (
        <ul className="list-disc pl-5 text-sm text-red-700" aria-live="polite">
          {problems.map((p) => (
            <li key={`${p.path}-${p.message}`}>{p.message}</li>
          ))}
        </ul>
      ) : null}
      <details className="text-sm">
        <summary className="cursor-pointer text-brand-700">Fields you can use</summary>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          {Object.entries(LETTER_PLACEHOLDERS[kind]).map(([name, meaning]) => (
            <div key={name} className="contents">
              <dt className="font-mono">{`{{${name}}}`}</dt>
              <dd className="text-slate-700">{meaning}</dd>
            </div>
          ))}
        </dl>
      </details>
    </>
  );
}
