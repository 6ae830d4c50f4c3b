import { randomUUID } from "node:crypto";
import { connect } from "@/db/client";
import { now } from "@/lib/clock";
import { TOKEN_ROLES, type TokenRole } from "@/lib/domain/policy";
import { createApiToken } from "@/lib/use-cases/tokens/create-api-token";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/scripts/seed";
import { loadDemoActor } from "@/scripts/seed/accounts";
import type { TrustEnvironment } from "../types";
import { readOtherFamilies } from "./district-data";
import { HttpClient, signIn } from "./http";
import type { DistrictSecrets } from "./leaks";

export type Home = "mapleGrove" | "cedarRidge";

/** Someone the checks send requests as: a demo sign-in, a bearer token, or nobody. */
export interface Caller {
  /** As the table names it: a role, `token:<role>`, or `anonymous`. */
  name: string;
  client: HttpClient;
  /** The caller's district; null for anonymous, who may see neither. */
  home: Home | null;
  /** What else the caller must not see inside its district (a parent: the other families). */
  hidden?: DistrictSecrets[];
}

/** Every role of Maple Grove (README, "Demo sign-ins"), and Cedar Ridge's specialist looking back. */
const SIGN_INS: { name: string; email: string; home: Home }[] = [
  { name: "district_admin", email: DEMO_ACCOUNTS.admin, home: "mapleGrove" },
  { name: "specialist", email: DEMO_ACCOUNTS.specialist, home: "mapleGrove" },
  { name: "facilitator", email: DEMO_ACCOUNTS.facilitator, home: "mapleGrove" },
  { name: "teacher", email: DEMO_ACCOUNTS.teacher, home: "mapleGrove" },
  { name: "parent", email: DEMO_ACCOUNTS.parent, home: "mapleGrove" },
  { name: "cedar specialist", email: DEMO_ACCOUNTS.cedarSpecialist, home: "cedarRidge" },
];

/** A bearer token of Maple Grove with `role`, made by its admin through the real use-case. */
export async function apiTokenCaller(
  environment: TrustEnvironment,
  role: TokenRole,
): Promise<Caller> {
  const handle = connect(environment.appDatabaseUrl, { max: 1 });
  try {
    const admin = await loadDemoActor(handle.db, DEMO_ACCOUNTS.admin);
    const ctx = { db: handle.db, actor: admin, now, requestId: randomUUID() };
    const { token } = await createApiToken(ctx, { name: `verify:trust ${role}`, role });
    return {
      name: `token:${role}`,
      client: new HttpClient(environment.baseUrl, token),
      home: "mapleGrove",
    };
  } finally {
    await handle.close();
  }
}

/**
 * Signs every caller in afresh. Each check makes its own: a check may end a session (a sign-out
 * action is one of the endpoints it calls), which must not leave the next check signed out.
 */
export async function signInCallers(environment: TrustEnvironment): Promise<Caller[]> {
  const callers: Caller[] = [
    { name: "anonymous", client: new HttpClient(environment.baseUrl), home: null },
  ];
  for (const { name, email, home } of SIGN_INS) {
    const { client, signedIn, answer } = await signIn(environment.baseUrl, email, DEMO_PASSWORD);
    if (!signedIn) {
      throw new Error(
        `${email} could not sign in (${answer.status} ${answer.headers.get("location")})`,
      );
    }
    const hidden =
      name === "parent" ? [await readOtherFamilies(environment.ownerDatabaseUrl, email)] : [];
    callers.push({ name, client, home, hidden });
  }
  for (const role of TOKEN_ROLES) callers.push(await apiTokenCaller(environment, role));
  return callers;
}
