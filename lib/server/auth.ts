import { randomUUID } from "node:crypto";
import { cookies } from "next/headers";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { findSignInAccount, recordSignIn } from "@/db/queries/users";
import { withTenant } from "@/db/with-tenant";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";
import { now, nowMs } from "@/lib/clock";
import {
  recordSignInFailure,
  recordSignInSuccess,
  signInWait,
} from "@/lib/use-cases/auth/sign-in-throttle";
import { ssoSignIn } from "@/lib/use-cases/auth/sso-sign-in";
import { endSession } from "@/lib/use-cases/users/end-session";
import { clientAddress } from "./client-address";
import { appConfig, oidcConfigured } from "./config";
import { requestDb } from "./db";
import { sessionClaims } from "./session-cookie";

const credentialsSchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});

/** Too many failed sign-ins for this address (or client): the form says how long to wait. */
export class SignInLocked extends CredentialsSignin {
  override code = "locked";
}

/** Auth.js may hand the lock back wrapped; its code says what it was. */
export function isLocked(error: unknown): boolean {
  return (
    (error as { code?: unknown })?.code === "locked" ||
    (error as { cause?: { err?: { code?: unknown } } })?.cause?.err?.code === "locked"
  );
}

/** How long `email` (from this client) must wait, for the sign-in form's message. */
export async function signInWaitMinutes(email: string, headers: Headers): Promise<number> {
  return signInWait(
    { db: requestDb(), now: now(), secret: appConfig().AUTH_SECRET },
    { email, client: clientAddress(headers) },
  );
}

/** Our own identity claims, carried in the signed JWT. */
interface NorthstarClaims {
  userId?: string;
  tenantId?: string;
  /** When this browser signed in (ms since epoch); an account switched off since then is out. */
  signedInAt?: number;
}

/**
 * Verified against when no account matches, so an unknown e-mail takes as long as a wrong
 * password and sign-in timing does not reveal who has an account.
 */
let dummyHash: Promise<string> | undefined;
const hashForUnknownAccount = () => {
  dummyHash ??= hashPassword(randomUUID());
  return dummyHash;
};

async function accountFor(email: string) {
  const account = await findSignInAccount(requestDb(), email);
  return account?.active ? account : null;
}

function providers(): NextAuthConfig["providers"] {
  const config = appConfig();
  const list: NextAuthConfig["providers"] = [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const attempt = { email: parsed.data.email, client: clientAddress(request.headers) };
        const throttle = { db: requestDb(), now: now(), secret: config.AUTH_SECRET };
        // Refused before the password is even hashed: guessing costs time, not server CPU.
        if ((await signInWait(throttle, attempt)) > 0) throw new SignInLocked();
        const account = await accountFor(parsed.data.email);
        const ok = await verifyPassword(
          account?.passwordHash ?? (await hashForUnknownAccount()),
          parsed.data.password,
        );
        if (!account || !ok) {
          if ((await recordSignInFailure(throttle, attempt)) > 0) throw new SignInLocked();
          return null;
        }
        await recordSignInSuccess(throttle, attempt);
        await withTenant(requestDb(), account, (tx) =>
          recordSignIn(tx, account.tenantId, account.userId, now()),
        );
        return { id: account.userId, tenantId: account.tenantId } as never;
      },
    }),
  ];
  if (oidcConfigured(config)) {
    // Entra ID and Google Workspace are both standard OIDC issuers: one generic provider serves
    // either. Only people the issuer's district (AUTH_OIDC_DISTRICT) already has as users may
    // enter (see signIn below).
    list.push({
      id: "district-sso",
      name: config.AUTH_OIDC_NAME,
      type: "oidc",
      issuer: config.AUTH_OIDC_ISSUER,
      clientId: config.AUTH_OIDC_CLIENT_ID,
      clientSecret: config.AUTH_OIDC_CLIENT_SECRET,
    });
  }
  return list;
}

export const { handlers, signIn, signOut } = NextAuth(() => ({
  secret: appConfig().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: providers(),
  logger: {
    // A wrong password is the user's mistake, not the server's: one line, no stack trace.
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin")
        console.warn("[auth] sign-in refused: unknown e-mail or wrong password");
      else console.error(error);
    },
  },
  events: {
    // The cookie is cleared by Auth.js; this makes a copy of it useless too (end-session.ts).
    async signOut(message) {
      const claims = ("token" in message ? message.token : null) as NorthstarClaims | null;
      if (!claims?.userId || !claims.tenantId) return;
      await endSession(requestDb(), {
        tenantId: claims.tenantId,
        userId: claims.userId,
        signedInAt: sessionStart(claims),
      });
    },
  },
  callbacks: {
    async signIn({ user, account, profile }) {
      if (account?.provider !== "district-sso") return true;
      // A confirmed address (or Entra's tid + oid of a trusted directory), of an active account
      // in the issuer's own district (lib/domain/security/sso-sign-in.ts).
      const config = appConfig();
      const known = await ssoSignIn(requestDb(), profile ?? {}, {
        districtSlug: config.AUTH_OIDC_DISTRICT ?? null,
        trustedTenantIds: config.AUTH_OIDC_ENTRA_TENANTS?.split(",") ?? [],
      });
      if (!known.ok) {
        console.warn(`[auth] SSO sign-in refused: ${known.reason}`);
        // Another district's account is told like no account: the page reveals nothing more.
        const unknown = known.reason === "not-provisioned" || known.reason === "other-district";
        return unknown ? "/sign-in?error=NotProvisioned" : false;
      }
      Object.assign(user, { id: known.userId, tenantId: known.tenantId });
      await withTenant(requestDb(), known, (tx) =>
        recordSignIn(tx, known.tenantId, known.userId, now()),
      );
      return true;
    },
    jwt({ token, user }) {
      if (user) {
        const claims = user as NorthstarClaims & { id?: string };
        token.userId = claims.id;
        token.tenantId = claims.tenantId;
        token.signedInAt = nowMs();
      }
      return token;
    },
    session({ session, token }) {
      // Only identifiers travel to the client; role and name are re-read from the database.
      Object.assign(session, {
        userId: token.userId,
        tenantId: token.tenantId,
        signedInAt: token.signedInAt,
      });
      return session;
    },
  },
}));

/**
 * The identifiers in the session cookie; the actor itself is loaded fresh per request. The
 * token is decrypted as Auth.js seals it, without running Auth.js's session endpoint
 * (./session-cookie.ts says why).
 */
export async function sessionIdentity(): Promise<{
  userId: string;
  tenantId: string;
  signedInAt: Date;
} | null> {
  const jar = await cookies();
  const session = (await sessionClaims(jar.getAll(), appConfig().AUTH_SECRET)) as
    | (NorthstarClaims & object)
    | null;
  if (!session?.userId || !session.tenantId) return null;
  return { userId: session.userId, tenantId: session.tenantId, signedInAt: sessionStart(session) };
}

/** A cookie from before the `signedInAt` claim existed counts as the oldest possible session. */
function sessionStart(claims: NorthstarClaims): Date {
  return new Date(typeof claims.signedInAt === "number" ? claims.signedInAt : 0);
}
