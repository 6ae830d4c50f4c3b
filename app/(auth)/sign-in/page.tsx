import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Button } from "@/components/ui/button";
import { currentActor } from "@/lib/server/actor";
import { appConfig, oidcConfigured } from "@/lib/server/config";
import { signInWithDistrictSso } from "./actions";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

const SSO_ERRORS: Record<string, string> = {
  NotProvisioned: "Your district account is not set up in NorthStar yet. Ask your district admin.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string }>;
}) {
  if (await currentActor()) redirect("/");
  const { error } = await searchParams;
  const config = appConfig();
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <h1 className="text-2xl font-bold text-brand-900">NorthStar Interventions</h1>
      <p className="mt-1 text-slate-700">Sign in to plan, run and follow interventions.</p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        {error && SSO_ERRORS[error] ? (
          <p role="alert" className="mb-4 text-sm font-medium text-red-700">
            {SSO_ERRORS[error]}
          </p>
        ) : null}
        {oidcConfigured(config) ? (
          <>
            <form action={signInWithDistrictSso}>
              <Button type="submit" variant="secondary" className="w-full">
                Sign in with {config.AUTH_OIDC_NAME}
              </Button>
            </form>
            <p className="my-4 text-center text-sm text-slate-500">or with your password</p>
          </>
        ) : null}
        <SignInForm />
        <p className="mt-4 text-center text-sm">
          <Link href="/forgot-password" className="text-brand-700 underline">
            Forgot your password?
          </Link>
        </p>
      </div>
    </main>
  );
}
