import type { ReactNode } from "react";

/** What a signed link's page knows before it shows anything: why it fails, or its language and district. */
export type SignedLinkState =
  | { state: "invalid" | "expired" }
  | { state: string; language: "en" | "es"; districtName: string };

/** The language a signed link's page speaks: the letter's, or English when the link fails. */
export function signedLinkLanguage(link: SignedLinkState): "en" | "es" {
  return "language" in link ? link.language : "en";
}

/**
 * The frame of a public page a family opens from a signed link in a letter (the opt-out and the
 * unsubscribe pages): the district's name, the title, what is wrong with the link if anything
 * (unknown or expired), the page's own part, and a closing line. In the letter's language.
 */
export function SignedLinkPage({
  link,
  text,
  footer,
  children,
}: {
  link: SignedLinkState;
  text: { title: string; invalid: string; expired: string };
  footer: string;
  children: ReactNode;
}) {
  const districtName = "districtName" in link ? link.districtName : null;
  const problem =
    link.state === "invalid" ? text.invalid : link.state === "expired" ? text.expired : null;
  return (
    <main lang={signedLinkLanguage(link)} className="mx-auto max-w-xl space-y-4 px-4 py-12">
      <p className="font-bold text-brand-900">
        NorthStar{districtName ? ` · ${districtName}` : ""}
      </p>
      <h1 className="text-2xl font-bold">{text.title}</h1>
      {problem ? <p role="alert">{problem}</p> : null}
      {children}
      <p className="text-sm text-slate-700">{footer}</p>
    </main>
  );
}

/** The one button that acts on the link: the token goes back to the server action with it. */
export function SignedLinkConfirm({
  token,
  action,
  label,
}: {
  token: string;
  action: (form: FormData) => Promise<void>;
  label: string;
}) {
  return (
    <form action={action}>
      <input type="hidden" name="token" value={token} />
      <button
        type="submit"
        className="inline-flex min-h-11 items-center rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
      >
        {label}
      </button>
    </form>
  );
}

/** What the link has done, once done. */
export function SignedLinkDone({ children }: { children: ReactNode }) {
  return (
    <p
      role="status"
      className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-emerald-900"
    >
      {children}
    </p>
  );
}
