import { publicContext } from "@/lib/server/public-context";
import {
  type SignedLinkSearchParams,
  signedLinkMetadata,
  tokenOf,
} from "@/lib/server/signed-link-page";
import { describePasswordLink } from "@/lib/use-cases/users/describe-password-link";
import { LINK_REFUSALS } from "./refusals";
import { SetPasswordForm } from "./set-password-form";

export const metadata = signedLinkMetadata("Choose your password");

export const dynamic = "force-dynamic";

/** Public: the person behind a password link (a new account) chooses their password. */
export default async function SetPasswordPage({
  searchParams,
}: {
  searchParams: SignedLinkSearchParams;
}) {
  const token = await tokenOf(searchParams);
  const link = token
    ? await describePasswordLink(publicContext(), token)
    : ({ state: "invalid" } as const);
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <h1 className="text-2xl font-bold text-brand-900">Choose your password</h1>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        {link.state === "ready" ? (
          <>
            <p className="mb-4 text-slate-700">
              For {link.name}, who signs in to NorthStar Interventions as {link.email}.
            </p>
            <SetPasswordForm token={token} email={link.email} />
          </>
        ) : (
          <p role="alert">{LINK_REFUSALS[link.state]}</p>
        )}
      </div>
    </main>
  );
}
