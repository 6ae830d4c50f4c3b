import { LanguageSwitch } from "@/components/portal/language-switch";
import { isFamily } from "@/lib/domain/policy";
import { portalText } from "@/lib/i18n/portal";
import { requireActor } from "@/lib/server/actor";
import { chooseLanguage } from "@/lib/server/locale";

/**
 * Every portal page (home, a child's progress, the disclosure log, requests) opens with the
 * English / Español switch, in the language the family chose (issue 13, point 2).
 */
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const { text } = portalText(actor.locale);
  return (
    <div lang={text.lang} className="space-y-4">
      {isFamily(actor) ? (
        <div className="mx-auto max-w-2xl print:hidden">
          <LanguageSwitch action={chooseLanguage} current={text.lang} text={text.language} />
        </div>
      ) : null}
      {children}
    </div>
  );
}
