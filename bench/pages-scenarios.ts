/**
 * Issue 15 point 4: the pages people open most, rendered by the server at district scale. Each
 * is a GET of the page's HTML with the signed-in cookie (the bench district's specialist; the
 * district view as its admin), a different student, session or group each time where the page
 * is about one. The time is the server's render and the transfer on 127.0.0.1, no browser.
 */
import { SCALE } from "./dataset-shape";
import { type Scenario, sendOnce } from "./measure";
import { studentsWithHistory } from "./run-state";
import { studentPageScenario } from "./scenarios";

/** The SLO of every page (issue 15 point 4): P95 of the server's render under 300 ms. */
export const PAGE_SLO_MS = 300;

/** The report's rows of "What is measured" for the pages: name, request, floor. */
export const PAGES_MEASURED = [
  ["dashboard", "`GET /dashboard`: the specialist's home"],
  ["today's sessions", "`GET /sessions`: the specialist's sessions of the day"],
  [
    "attendance taker",
    "`GET /sessions/{id}`: a session of a running group (6 students), a different one each time",
  ],
  ["student", "`GET /students/{id}` of a student in three groups over the year"],
  ["progress", "`GET /students/{id}/progress`: the same students' charts page"],
  [
    "at-risk report",
    `\`GET /reports/at-risk\`: the reading screening of all ${SCALE.students.toLocaleString("en-US")} students this fall (bench/pages-screening.ts), a fifth below the Tier 1 cut`,
  ],
  [
    "effectiveness",
    "`GET /interventions/{id}/effectiveness`: one group's effectiveness dashboard, a different group each time",
  ],
  ["district view", "`GET /reports/district` as the district admin: every active group"],
].map(([page, request]) => [
  `page: ${page}`,
  `${request}; the HTML, at 1 connection`,
  "the same select floor",
]);

export interface PageScenario {
  /** The row's name in the table. */
  page: string;
  scenario: Scenario;
}

export interface PageInputs {
  /** Sessions of the active groups up to today (the attendance runs' pool). */
  sessionIds: () => readonly string[];
  /** Every group of the dataset. */
  groupIds: readonly string[];
  /** The district admin's cookie, for the district view. */
  adminCookie: string;
}

/** Cycles over `ids` with a stride, so successive requests are about different rows. */
function cycle(ids: () => readonly string[], stride: number): () => string {
  let n = 0;
  return () => {
    const list = ids();
    if (list.length === 0) throw new Error("No ids to request pages of");
    n += 1;
    return list[(n * stride) % list.length]!;
  };
}

function page(name: string, path: () => string, headers?: Record<string, string>): PageScenario {
  return {
    page: `page: ${name}`,
    scenario: {
      name: `page ${name}`,
      method: "GET",
      next: () => ({ path: path(), ...(headers ? { headers } : {}) }),
    },
  };
}

export function pageScenarios(inputs: PageInputs): PageScenario[] {
  const session = cycle(inputs.sessionIds, 7);
  const students = studentsWithHistory();
  const progressStudent = cycle(() => students, 17);
  const group = cycle(() => inputs.groupIds, 7);
  return [
    page("dashboard", () => "/dashboard"),
    page("today's sessions", () => "/sessions"),
    page("attendance taker", () => `/sessions/${session()}`),
    { page: "page: student", scenario: studentPageScenario() },
    page("progress", () => `/students/${progressStudent()}/progress`),
    page("at-risk report", () => "/reports/at-risk"),
    page("effectiveness", () => `/interventions/${group()}/effectiveness`),
    page("district view", () => "/reports/district", { cookie: inputs.adminCookie }),
  ];
}

/**
 * Opens each page once before measuring: a page that does not answer 200 (a redirect to
 * sign-in, a 404 for a row the reader may not see) would only be counted as failures.
 */
export async function checkPages(
  appUrl: string,
  cookie: string,
  pages: readonly PageScenario[],
): Promise<void> {
  for (const { page: name, scenario } of pages) {
    const started = performance.now();
    const { path, status, body } = await sendOnce(appUrl, cookie, scenario);
    // Another 2xx (a 204) would be no page either.
    if (status !== 200) {
      throw new Error(`${name} (${path}) answered ${status}: ${body.slice(0, 300)}`);
    }
    console.log(
      `${name}: ${(body.length / 1024).toFixed(0)} KiB of HTML in ${(performance.now() - started).toFixed(0)} ms`,
    );
  }
}
