import { z } from "../zod";
import {
  LANGUAGE_NAMES,
  LETTER_LANGUAGES,
  type LetterLanguage,
  type LetterTemplate,
  letterLanguageFor,
} from "./templates";

/**
 * Letters in the guardian's language (issue 13, point 5). English and Spanish are built in; a
 * district admin may add the wording of a letter in any other language. Until a letter of that
 * kind has wording in the guardian's language, the family gets it in English with one line in
 * their own language first, saying how to ask for help.
 */

/** An ISO 639 code as the roster import stores it (lib/domain/imports/oneroster/users.ts). */
export const languageCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}$/, "Use the two- or three-letter code of the language, e.g. vi or hmn.");

/**
 * "This letter is in English; to ask for help (or for it in your language), contact your
 * child's school", in the languages US districts' families most often speak after English and
 * Spanish. Drafted for this table: a district should have its interpreters check each line (and
 * may add its own wording of the whole letter instead). A language not listed gets English only.
 */
export const HELP_LINES: Readonly<Record<string, { name: string; line: string }>> = {
  vi: {
    name: "Tiếng Việt",
    line: "Thư này được viết bằng tiếng Anh. Nếu quý vị cần giúp đỡ hoặc muốn nhận thư bằng tiếng Việt, xin vui lòng liên lạc với trường của con quý vị.",
  },
  zh: {
    name: "中文",
    line: "本信为英文。如需帮助或需要中文版本，请联系您孩子的学校。",
  },
  ar: {
    name: "العربية",
    line: "هذه الرسالة باللغة الإنجليزية. للحصول على المساعدة أو على نسخة بلغتك، يرجى الاتصال بمدرسة طفلك.",
  },
  so: {
    name: "Soomaali",
    line: "Warqaddan waxay ku qoran tahay Ingiriis. Haddii aad u baahan tahay caawimaad ama inaad ku hesho luqaddaada, fadlan la xiriir dugsiga ilmahaaga.",
  },
  ht: {
    name: "Kreyòl ayisyen",
    line: "Lèt sa a ekri an anglè. Pou jwenn èd oswa pou resevwa l nan lang pa w, tanpri kontakte lekòl pitit ou a.",
  },
  ru: {
    name: "Русский",
    line: "Это письмо написано на английском языке. Чтобы получить помощь или перевод на ваш язык, обратитесь в школу вашего ребёнка.",
  },
  pt: {
    name: "Português",
    line: "Esta carta está em inglês. Para pedir ajuda ou recebê-la no seu idioma, entre em contato com a escola do seu filho ou da sua filha.",
  },
  fr: {
    name: "Français",
    line: "Cette lettre est rédigée en anglais. Pour obtenir de l'aide ou la recevoir dans votre langue, veuillez contacter l'école de votre enfant.",
  },
  ko: {
    name: "한국어",
    line: "이 편지는 영어로 작성되었습니다. 도움이 필요하시거나 한국어로 받기를 원하시면 자녀의 학교에 연락해 주십시오.",
  },
  tl: {
    name: "Tagalog",
    line: "Ang sulat na ito ay nasa Ingles. Para humingi ng tulong o makuha ito sa inyong wika, makipag-ugnayan sa paaralan ng inyong anak.",
  },
};

/** What a language is called on the admin's pages: its own name where known, else its code. */
export function languageName(code: string): string {
  return (
    (LANGUAGE_NAMES as Readonly<Record<string, string>>)[code] ?? HELP_LINES[code]?.name ?? code
  );
}

/**
 * The help line to put first in a text written in `textLanguage` for a guardian who speaks
 * `guardianLanguage`: none when the text is in their language (or they read English), none for
 * a language the table does not know (English only, as before).
 */
export function helpLineFor(guardianLanguage: string, textLanguage: string): string | null {
  if (guardianLanguage === textLanguage || guardianLanguage === "en") return null;
  return HELP_LINES[guardianLanguage]?.line ?? null;
}

/** A text with the help line, when there is one, as its first paragraph. */
export function withHelpLine(text: string, helpLine: string | null): string {
  return helpLine ? `${helpLine}\n\n${text}` : text;
}

export interface Wording {
  /** The language the letter is written in, as the communications log records it. */
  language: string;
  template: LetterTemplate;
  /** The district's version of the template; 0 = the built-in wording. */
  version: number;
  /**
   * The language the filled-in facts (dates, days, the built-in sentences) are written in: the
   * letter's own where it is built in, else English — an admin's added wording surrounds them.
   */
  valuesLanguage: LetterLanguage;
  helpLine: string | null;
}

/**
 * The wording of one kind of letter for a guardian: the district's own in their language, else
 * the built-in one in their language (English, Spanish), else English (the district's or the
 * built-in) with the help line in their language.
 */
export function chooseWording(
  builtIn: Readonly<Record<LetterLanguage, LetterTemplate>>,
  own: ReadonlyMap<string, LetterTemplate & { version: number }>,
  guardianLanguage: string | null | undefined,
): Wording {
  const wanted = (guardianLanguage ?? "").trim().toLowerCase() || "en";
  const builtInLanguage = letterLanguageFor(wanted);
  const written = own.has(wanted) || builtInLanguage === wanted ? wanted : builtInLanguage;
  const mine = own.get(written);
  return {
    language: written,
    template: mine ?? builtIn[letterLanguageFor(written)],
    version: mine?.version ?? 0,
    valuesLanguage: letterLanguageFor(written),
    helpLine: helpLineFor(wanted, written),
  };
}

/** Whether a language has built-in wording (the others are added by the district). */
export function isBuiltInLanguage(code: string): code is LetterLanguage {
  return (LETTER_LANGUAGES as readonly string[]).includes(code);
}
