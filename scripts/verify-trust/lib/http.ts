/**
 * A small HTTP client for the checks: one person's cookies (or a bearer token), redirects not
 * followed (a redirect to the sign-in page is an answer in itself), bodies read as text.
 */

export interface Answer {
  status: number;
  headers: Headers;
  body: string;
  /** Set-Cookie lines of this response, as sent. */
  setCookies: string[];
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | FormData | URLSearchParams;
  /** Give up after this many milliseconds (a request that hangs is a failure, not a stall). */
  timeoutMs?: number;
}

export class HttpClient {
  private readonly cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    private readonly bearer?: string,
  ) {}

  /** The value of a cookie this client holds. */
  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async request(path: string, options: RequestOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    }
    const response = await fetch(new URL(path, this.baseUrl), {
      method: options.method ?? "GET",
      headers,
      body: options.body ?? null,
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
    });
    const setCookies = response.headers.getSetCookie();
    for (const line of setCookies) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      if (at < 0) continue;
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(line))
        this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return {
      status: response.status,
      headers: response.headers,
      body: await response.text(),
      setCookies,
    };
  }
}

export interface SignInResult {
  client: HttpClient;
  /** The callback's answer: a redirect home on success, to the sign-in page with `code=` on failure. */
  answer: Answer;
  signedIn: boolean;
}

/** The session cookie Auth.js sets: `__Secure-` prefixed only over https. */
export const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token/;

/**
 * Password sign-in through Auth.js's credentials endpoint, as the README shows with curl: the
 * CSRF token first, then the form post. The same path the sign-in form's action takes.
 */
export async function signIn(
  baseUrl: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<SignInResult> {
  const client = new HttpClient(baseUrl);
  const csrf = await client.request("/api/auth/csrf", { headers });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const answer = await client.request("/api/auth/callback/credentials", {
    method: "POST",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" }),
  });
  const signedIn = answer.setCookies.some((line) => SESSION_COOKIE.test(line));
  return { client, answer, signedIn };
}
