import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { LETTER_KIND_NAMES } from "@/lib/domain/letters/templates";
import { canEditLetters } from "@/lib/domain/policy";
import { contextFor, requireActor } from "@/lib/server/actor";
import {
  type LetterReach,
  listFamilyLanguages,
} from "@/lib/use-cases/communications/list-family-languages";
import { AdminPageHeader } from "../../admin-page-header";
import { saveWordingAction } from "./actions";
import { WordingForm } from "./wording-form";

export const metadata: Metadata = { title: "Families' languages" };

const REACH: Record<LetterReach["written"], string> = {
  "own-language": "in their language",
  "english-with-help-line": "English, with a line in their language on how to ask for help",
  "english-only": "English only",
};

/**
 * The languages the district's families read and how each kind of letter reaches them; an admin
 * adds a language by writing its letters (issue 13, point 5).
 */
export default async function FamilyLanguagesPage() {
  const actor = await requireActor();
  if (!canEditLetters(actor)) notFound();
  const { languages, english, added } = await listFamilyLanguages(contextFor(actor));
  // Start the form on the first language families read that some letter does not reach in.
  const firstUnreached =
    languages.find((l) => l.guardians > 0 && l.letters.some((r) => r.written !== "own-language"))
      ?.code ?? "";

  return (
    <div className="space-y-6">
      <AdminPageHeader title="Families' languages">
        Every letter goes to each guardian in the language the roster gives for them. English and
        Spanish are built in; for any other language, a letter is sent in English with one line in
        the family&apos;s language on how to ask for help, until you write that letter in their
        language below. The fields in double braces (dates, days, names) are filled in in English.
      </AdminPageHeader>

      <Card>
        <h2 className="mb-3 text-lg font-semibold">Languages of the district&apos;s families</h2>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-2 pr-4">
                  Language
                </th>
                <th scope="col" className="py-2 pr-4">
                  Guardians
                </th>
                {Object.values(LETTER_KIND_NAMES).map((name) => (
                  <th key={name} scope="col" className="py-2 pr-4">
                    {name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {languages.map((language) => (
                <tr key={language.code} className="border-b border-slate-100 align-top">
                  <th scope="row" className="py-2 pr-4 font-medium">
                    {language.name} <span className="text-slate-600">({language.code})</span>
                  </th>
                  <td className="py-2 pr-4">{language.guardians}</td>
                  {language.letters.map((letter) => (
                    <td key={letter.kind} className="py-2 pr-4">
                      {REACH[letter.written]}
                      {letter.written === "own-language" && letter.version > 0
                        ? ` (your wording, version ${letter.version})`
                        : ""}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>

      <Card>
        <h2 className="mb-3 text-lg font-semibold">Write a letter in another language</h2>
        <WordingForm
          save={saveWordingAction}
          english={english}
          added={added}
          initialLanguage={firstUnreached}
        />
      </Card>
    </div>
  );
}
