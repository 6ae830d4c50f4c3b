import type { Metadata } from "next";
import type { PublicContext } from "@/lib/use-cases/context";
import { publicContext } from "./public-context";

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

/**
 * A signed link's page reads its token and what the use-case says of it; an address without a
 * token is an invalid link, and the use-case is not asked.
 */
export async function readSignedLink<TState>(
  searchParams: SignedLinkSearchParams,
  describeLink: (ctx: PublicContext, token: string) => Promise<TState>,
): Promise<{ token: string; state: TState | { state: "invalid" } }> {
  const token = await tokenOf(searchParams);
  return {
    token,
    state: token ? await describeLink(publicContext(), token) : { state: "invalid" },
  };
}
