import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password?" };

/** Public: a person asks for a link to choose a new password. */
export default function ForgotPasswordPage() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <h1 className="text-2xl font-bold text-brand-900">Forgot your password?</h1>
      <p className="mt-1 text-slate-700">
        We e-mail you a link to choose a new one. Accounts that sign in with the district account
        keep doing so.
      </p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <ForgotPasswordForm />
      </div>
      <p className="mt-4 text-sm">
        <Link href="/sign-in" className="text-brand-700 underline">
          Back to sign in
        </Link>
      </p>
    </main>
  );
}
