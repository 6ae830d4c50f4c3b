import { todayIn } from "@/lib/domain/calendar/dates";
import { formatDate } from "@/lib/domain/calendar/format";
import { LetterText } from "./letter-text";

export interface LetterItem {
  id: string;
  subject: string;
  body: string;
  language: string;
  createdAt: Date;
  /** A file the letter comes with (a progress summary's PDF), to download beside it. */
  pdf?: { href: string; label: string };
}

/**
 * Letters sent to a family, newest first, each opened in place to read in full: the portal is
 * where a district that e-mails only a notice has families read them.
 */
export function LetterList({
  letters,
  empty,
  timeZone,
  dateLocale,
}: {
  letters: LetterItem[];
  empty: string;
  /** The district's: a letter sent in its evening is dated that day, not UTC's tomorrow. */
  timeZone: string;
  dateLocale?: string;
}) {
  if (letters.length === 0) return <p className="mt-1 text-slate-700">{empty}</p>;
  return (
    <ul className="mt-2 space-y-2 text-sm" data-testid="letters">
      {letters.map((letter) => (
        <li key={letter.id} className="rounded-md border border-slate-200">
          <details>
            <summary className="cursor-pointer px-3 py-2">
              {formatDate(todayIn(timeZone, letter.createdAt), dateLocale)}:{" "}
              <span className="font-medium">{letter.subject}</span>
            </summary>
            <LetterText
              text={letter.body}
              language={letter.language}
              className="border-t border-slate-200 px-3 py-2"
            />
            {letter.pdf ? (
              // A plain link: the file is made when asked for, never on a prefetch.
              <a href={letter.pdf.href} className="block px-3 pb-3 text-brand-700 underline">
                {letter.pdf.label}
              </a>
            ) : null}
          </details>
        </li>
      ))}
    </ul>
  );
}
