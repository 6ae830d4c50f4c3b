import Link from "next/link";
import { AUTH_TEXT, type AuthLanguage } from "@/lib/i18n/auth";

/** "Español" / "English": the same page in the other language. */
export function LanguageSwitch({ path, language }: { path: string; language: AuthLanguage }) {
  const other = AUTH_TEXT[language].otherLanguage;
  return (
    <p className="text-right text-sm">
      <Link
        href={`${path}?lang=${other.lang}`}
        lang={other.lang}
        className="text-brand-700 underline"
      >
        {other.label}
      </Link>
    </p>
  );
}
