import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Button } from "@/components/ui/button";
import { AUTH_TEXT } from "@/lib/i18n/auth";
import { currentActor } from "@/lib/server/actor";
import { appConfig, oidcConfigured } from "@/lib/server/config";
import { pageLanguage } from "../auth-language";
import { LanguageSwitch } from "../language-switch";
import { signInWithDistrictSso } from "./actions";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; lang?: string | string[] }>;
}) {
  if (await currentActor()) redirect("/");
  const { error } = await searchParams;
  const language = await pageLanguage(searchParams);
  const text = AUTH_TEXT[language];
  const config = appConfig();
  return (
    <main
      lang={language}
      className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10"
    >
      <LanguageSwitch path="/sign-in" language={language} />
      <h1 className="text-2xl font-bold text-brand-900">NorthStar Interventions</h1>
      <p className="mt-1 text-slate-700">{text.intro}</p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        {error === "NotProvisioned" ? (
          <p role="alert" className="mb-4 text-sm font-medium text-red-700">
            {text.notProvisioned}
          </p>
        ) : null}
        {oidcConfigured(config) ? (
          <>
            <form action={signInWithDistrictSso}>
              <Button type="submit" variant="secondary" className="w-full">
                {text.withSso(config.AUTH_OIDC_NAME)}
              </Button>
            </form>
            <p className="my-4 text-center text-sm text-slate-500">{text.orPassword}</p>
          </>
        ) : null}
        <SignInForm language={language} />
        <p className="mt-4 text-center text-sm">
          <Link href={`/forgot-password?lang=${language}`} className="text-brand-700 underline">
            {text.forgot}
          </Link>
        </p>
      </div>
    </main>
  );
}
