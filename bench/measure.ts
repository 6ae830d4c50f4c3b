/** One measurement: autocannon against the running app, every response timed. */
import autocannon from "autocannon";
import { type LatencySummary, summarize } from "@/scripts/lib/latency";
import type { CostMeter, RequestCost } from "./cpu-meter";

export interface NextRequest {
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

export interface Scenario {
  name: string;
  method: "GET" | "POST";
  next: () => NextRequest;
}

export interface Measurement extends LatencySummary {
  scenario: string;
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  failures: number;
  failureStatuses: Record<string, number>;
  /** CPU, statements and round trips per request, when the run was given a meter. */
  cost?: RequestCost;
}

/** The scenario's next request as it is sent: signed in, a body declared as JSON. */
function requestOf(scenario: Scenario, cookie: string) {
  const next = scenario.next();
  return {
    method: scenario.method,
    path: next.path,
    body: next.body,
    headers: {
      cookie,
      ...(next.body ? { "content-type": "application/json" } : {}),
      ...next.headers,
    },
  };
}

/**
 * Sends the scenario's next request once, as a measurement would, and answers its status and
 * body; a failure (anything but 2xx) throws with what the server said.
 */
export async function sendOnce(
  url: string,
  cookie: string,
  scenario: Scenario,
): Promise<{ path: string; status: number; body: string }> {
  const { path, ...init } = requestOf(scenario, cookie);
  const response = await fetch(`${url}${path}`, { ...init, redirect: "manual" });
  const body = await response.text();
  if (!response.ok) {
    throw new Error(
      `${scenario.name} (${path}) answered ${response.status}: ${body.slice(0, 300)}`,
    );
  }
  return { path, status: response.status, body };
}

/**
 * Runs a scenario for `seconds` over `connections` keep-alive connections. Latencies are those
 * of successful (2xx) responses, as autocannon measures them per request; anything else is a
 * failure and reported, never silently averaged in. A `meter` reads the CPU and statements
 * around the run and divides them by every request sent, failed ones included.
 */
export async function measure(
  url: string,
  cookie: string,
  scenario: Scenario,
  connections: number,
  seconds: number,
  meter?: CostMeter,
): Promise<Measurement> {
  const stopMeter = await meter?.();
  const times: number[] = [];
  const failureStatuses: Record<string, number> = {};
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: scenario.method,
        setupRequest: (request) => ({ ...request, ...requestOf(scenario, cookie) }),
      },
    ],
  });
  instance.on("response", (_client: unknown, status: number, _bytes: number, time: number) => {
    if (status >= 200 && status < 300) times.push(time);
    else failureStatuses[status] = (failureStatuses[status] ?? 0) + 1;
  });
  const result = await instance;
  const failures =
    Object.values(failureStatuses).reduce((sum, n) => sum + n, 0) + result.errors + result.timeouts;
  const cost = await stopMeter?.(times.length + failures);
  return {
    scenario: scenario.name,
    connections,
    seconds,
    ...summarize(times),
    requestsPerSecond: times.length / seconds,
    failures,
    failureStatuses,
    ...(cost ? { cost } : {}),
  };
}
