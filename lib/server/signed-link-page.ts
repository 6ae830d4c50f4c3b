import type { Metadata } from "next";

/** Metadata of a page whose address carries a signed token. */
export function signedLinkMetadata(title: string): Metadata {
  return {
    title,
    // The token is in the address: never sent on to another site, never indexed.
    referrer: "no-referrer",
    robots: { index: false, follow: false },
  };
}

export type SignedLinkSearchParams = Promise<{ token?: string | string[] }>;

/** The token in a signed link's address; "" when there is none. */
export async function tokenOf(searchParams: SignedLinkSearchParams): Promise<string> {
  const raw = (await searchParams).token;
  return (Array.isArray(raw) ? raw[0] : raw) ?? "";
}
