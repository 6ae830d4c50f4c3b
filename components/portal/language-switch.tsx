import { buttonClasses } from "@/components/ui/button";
import type { PortalText } from "@/lib/i18n/portal";

const LANGUAGES = ["en", "es"] as const;

/**
 * English / Español on every portal page: each button names its language in that language and
 * posts the choice to `action` (lib/server/locale.ts → chooseLanguage), which keeps it; the page
 * then re-renders in it. A plain form, so it works before any script has loaded.
 */
export function LanguageSwitch({
  action,
  current,
  text,
}: {
  action: (form: FormData) => Promise<void>;
  /** The language the page is in now (PortalText's `lang`). */
  current: string;
  text: PortalText["language"];
}) {
  return (
    <form
      action={action}
      aria-label={text.label}
      className="flex justify-end gap-2 text-sm"
      data-testid="language-switch"
    >
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="submit"
          name="lang"
          value={lang}
          lang={lang}
          aria-pressed={current === lang}
          className={buttonClasses(current === lang ? "primary" : "secondary", "px-3")}
        >
          {text[lang]}
        </button>
      ))}
    </form>
  );
}
