import type { Metadata } from "next";
import Link from "next/link";
import { AUTH_TEXT } from "@/lib/i18n/auth";
import { pageLanguage } from "../auth-language";
import { LanguageSwitch } from "../language-switch";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password?" };

/** Public: a person asks for a link to choose a new password. */
export default async function ForgotPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ lang?: string | string[] }>;
}) {
  const language = await pageLanguage(searchParams);
  const text = AUTH_TEXT[language];
  return (
    <main
      lang={language}
      className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10"
    >
      <LanguageSwitch path="/forgot-password" language={language} />
      <h1 className="text-2xl font-bold text-brand-900">{text.forgot}</h1>
      <p className="mt-1 text-slate-700">{text.forgotIntro}</p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <ForgotPasswordForm language={language} />
      </div>
      <p className="mt-4 text-sm">
        <Link href={`/sign-in?lang=${language}`} className="text-brand-700 underline">
          {text.backToSignIn}
        </Link>
      </p>
    </main>
  );
}
