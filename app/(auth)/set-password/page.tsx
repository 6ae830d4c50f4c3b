import { authLanguage } from "@/lib/i18n/auth";
import { publicContext } from "@/lib/server/public-context";
import {
  type SignedLinkSearchParams,
  signedLinkMetadata,
  tokenOf,
} from "@/lib/server/signed-link-page";
import { describePasswordLink } from "@/lib/use-cases/users/describe-password-link";
import { SetPasswordForm } from "./set-password-form";
import { SET_PASSWORD_TEXT } from "./text";

export const metadata = signedLinkMetadata("Choose your password");

export const dynamic = "force-dynamic";

/**
 * Public: the person behind a password link chooses their password, in the account's language
 * (or, before the link is known to be good, the one the e-mail's link names).
 */
export default async function SetPasswordPage({
  searchParams,
}: {
  searchParams: SignedLinkSearchParams & Promise<{ lang?: string | string[] }>;
}) {
  const token = await tokenOf(searchParams);
  const link = token
    ? await describePasswordLink(publicContext(), token)
    : ({ state: "invalid" } as const);
  const { lang } = await searchParams;
  const language = authLanguage(link.state === "ready" ? link.language : lang, null);
  const text = SET_PASSWORD_TEXT[language];
  return (
    <main
      lang={language}
      className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10"
    >
      <h1 className="text-2xl font-bold text-brand-900">{text.title}</h1>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        {link.state === "ready" ? (
          <>
            <p className="mb-4 text-slate-700">{text.forWhom(link.name, link.email)}</p>
            <SetPasswordForm token={token} email={link.email} language={language} />
          </>
        ) : (
          <p role="alert">{text[link.state]}</p>
        )}
      </div>
    </main>
  );
}
