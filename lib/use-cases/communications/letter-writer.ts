import type { Tx } from "@/db/client";
import type { NewCommunication } from "@/db/queries/communications/mailbox";
import { templatesOfKind } from "@/db/queries/communications/templates";
import type { ReachableGuardian } from "@/db/queries/guardian-links";
import { letterSettingsOf, portalNotice } from "@/lib/domain/letters/enrollment-letter";
import { chooseWording, helpLineFor, withHelpLine } from "@/lib/domain/letters/languages";
import { WITHHELD_NOTES, withheldBecause } from "@/lib/domain/letters/recipients";
import {
  DEFAULT_TEMPLATES,
  type LetterKind,
  type LetterLanguage,
  renderLetter,
} from "@/lib/domain/letters/templates";
import {
  signUnsubscribeToken,
  unsubscribeExpiresAt,
  unsubscribeFooter,
} from "@/lib/domain/letters/unsubscribe";
import { type LetterLinks, letterLinksFromConfig, portalUrl, unsubscribeUrl } from "./letter-links";

/** What a letter adds to its communications row: wording, text, whether required, status. */
export type WrittenLetter = Pick<
  NewCommunication,
  | "language"
  | "templateVersion"
  | "subject"
  | "body"
  | "emailBody"
  | "required"
  | "status"
  | "lastError"
>;

export interface LetterToWrite {
  /**
   * Required notices (enrollment, tier change, a group's closing) always go; an optional letter
   * carries the unsubscribe link and is withheld once the guardian stopped optional mail.
   */
  required: boolean;
  /** The letter's date (YYYY-MM-DD, the district's): an unsubscribe link works a year from it. */
  letterDate: string;
  /** The placeholders' values, in the language the wording chosen fills them in. */
  values: (language: LetterLanguage) => Readonly<Record<string, string>>;
}

/**
 * The last paragraph of an optional e-mail to a guardian: the signed link that stops optional
 * mail, in the letter's language; the mail worker reads it back into RFC 8058's headers
 * (unsubscribe.ts → oneClickUrlIn). Null without a signing secret: the e-mail then goes without
 * it. For any optional mail, templated or not (a progress summary appends it to its text).
 */
export function unsubscribeParagraph(
  links: LetterLinks,
  to: { tenantId: string; guardianId: string; letterDate: string; language: LetterLanguage },
): string | null {
  if (links.signingSecret === null) return null;
  const token = signUnsubscribeToken(
    {
      tenantId: to.tenantId,
      guardianId: to.guardianId,
      expiresAt: unsubscribeExpiresAt(to.letterDate),
    },
    links.signingSecret,
  );
  return unsubscribeFooter(to.language, unsubscribeUrl(links, token));
}

/** A letter's words before it is dressed for a guardian: in `valuesLanguage`, with its help line. */
export interface LetterWords {
  subject: string;
  body: string;
  /** The language the words are written in (letters.ts → LETTER_LANGUAGES). */
  valuesLanguage: LetterLanguage;
  /** For a guardian whose language has no wording: how to ask for help, in theirs. */
  helpLine: string | null;
  required: boolean;
  letterDate: string;
}

/**
 * Dresses a letter's words for one guardian, the same way for every letter to a family,
 * templated or not (a progress summary's):
 * - the help line first, where the words are not in the guardian's language;
 * - the e-mail as the district sends letters: whole, or a notice pointing to the portal;
 * - on an optional letter, the signed unsubscribe link as the e-mail's last paragraph (the mail
 *   worker turns it into RFC 8058's headers), and `suppressed` instead of `queued` when the
 *   guardian already stopped optional mail: the letter stays in the log and the portal.
 */
export function letterDresser(
  tenantId: string,
  district: { name: string; settings: unknown },
  links: LetterLinks = letterLinksFromConfig(),
) {
  const settings = letterSettingsOf(district.settings);
  return (recipient: ReachableGuardian, words: LetterWords) => {
    const guardianName = `${recipient.guardianFirstName} ${recipient.guardianLastName}`;
    const notice =
      settings.delivery === "portal-notice"
        ? withHelpLine(
            portalNotice(words.valuesLanguage, {
              guardianName,
              districtName: district.name,
              portalUrl: portalUrl(links),
            }),
            helpLineFor(recipient.language, words.valuesLanguage),
          )
        : null;
    const footer = words.required
      ? null
      : unsubscribeParagraph(links, {
          tenantId,
          guardianId: recipient.guardianId,
          letterDate: words.letterDate,
          language: words.valuesLanguage,
        });
    const withFooter = (text: string) => (footer ? `${text}\n\n${footer}` : text);
    const letterBody = withHelpLine(words.body, words.helpLine);
    const withheld = withheldBecause(words, {
      // reachableGuardians already left out restricted guardians.
      contactRestricted: false,
      optionalMailStopped: recipient.optionalMailStoppedAt !== null,
    });
    return {
      subject: words.subject,
      // The footer goes on what is e-mailed: the notice where the district sends one, else the
      // letter itself.
      body: notice === null ? withFooter(letterBody) : letterBody,
      emailBody: notice === null ? null : withFooter(notice),
      required: words.required,
      status: withheld ? ("suppressed" as const) : ("queued" as const),
      lastError: withheld ? WITHHELD_NOTES[withheld] : null,
    };
  };
}

/**
 * Writes one kind of letter for each guardian (from db/queries/guardian-links.ts → reachableGuardians),
 * the same way on every path that queues letters to families: the wording in the guardian's
 * language (the district's, else the built-in one), else English with a line in their language
 * on how to ask for help (languages.ts → chooseWording), dressed by `letterDresser`.
 */
export async function letterWriter(
  tx: Tx,
  tenantId: string,
  kind: LetterKind,
  district: { name: string; settings: unknown },
): Promise<(recipient: ReachableGuardian, letter: LetterToWrite) => WrittenLetter> {
  const own = new Map((await templatesOfKind(tx, tenantId, kind)).map((t) => [t.language, t]));
  const dress = letterDresser(tenantId, district);
  return (recipient, letter) => {
    const wording = chooseWording(DEFAULT_TEMPLATES[kind], own, recipient.language);
    const { subject, body } = renderLetter(wording.template, letter.values(wording.valuesLanguage));
    return {
      language: wording.language,
      // Version 0 = the built-in template, as shipped with this release.
      templateVersion: wording.version,
      ...dress(recipient, {
        subject,
        body,
        valuesLanguage: wording.valuesLanguage,
        helpLine: wording.helpLine,
        required: letter.required,
        letterDate: letter.letterDate,
      }),
    };
  };
}
