import { randomUUID } from "node:crypto";
import type { APIRequestContext, APIResponse, Page } from "@playwright/test";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { addDays } from "@/lib/domain/calendar/dates";
import { dayFromToday, expect, pageOfItsOwn, signIn, test, users } from "./support";

/**
 * The contract test: every route the OpenAPI document declares is called against the running
 * app — through a bearer token a district admin creates on the tokens page — and every response
 * must be documented (status and content type) and match the documented schema, checked with a
 * JSON Schema 2020-12 validator against the document the app serves.
 */

type Json = Record<string, unknown>;
type Operation = { responses: Record<string, { content?: Record<string, { schema?: Json }> }> };
type Document = { paths: Record<string, Record<string, Operation>>; components: Json };

test.describe.configure({ mode: "serial" });

let document: Document;
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
const validators = new Map<string, ValidateFunction>();
const called = new Set<string>();

/** Loads the served document; its `#/components/...` refs resolve against it as `doc#/...`. */
async function loadDocument(request: APIRequestContext) {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  document = (await response.json()) as Document;
  const rebased = JSON.parse(
    JSON.stringify(document).replaceAll('"#/components/', '"doc#/components/'),
  );
  ajv.addSchema({ $id: "doc", components: rebased.components });
  for (const [path, methods] of Object.entries(rebased.paths as Document["paths"])) {
    for (const [method, operation] of Object.entries(methods)) {
      for (const [status, response] of Object.entries(operation.responses)) {
        for (const [type, content] of Object.entries(response.content ?? {})) {
          if (content.schema)
            validators.set(`${method} ${path} ${status} ${type}`, ajv.compile(content.schema));
        }
      }
    }
  }
}

/** Checks one response against the document and returns its JSON body. */
async function conforms(method: string, template: string, response: APIResponse): Promise<Json> {
  const status = String(response.status());
  const operation = document.paths[template]?.[method];
  expect(operation, `${method.toUpperCase()} ${template} is not in the document`).toBeDefined();
  const documented = operation?.responses[status];
  const body = (await response.json().catch(() => null)) as Json;
  expect(
    documented,
    `${method.toUpperCase()} ${template} answered ${status} (undocumented): ${JSON.stringify(body)}`,
  ).toBeDefined();
  const contentType = (response.headers()["content-type"] ?? "").split(";")[0] ?? "";
  const validate = validators.get(`${method} ${template} ${status} ${contentType}`);
  expect(
    validate,
    `${method.toUpperCase()} ${template} ${status}: content type ${contentType} is not documented`,
  ).toBeDefined();
  const valid = validate?.(body);
  expect(
    valid,
    `${method.toUpperCase()} ${template} ${status}: ${JSON.stringify(validate?.errors)}`,
  ).toBe(true);
  called.add(`${method} ${template}`);
  return body;
}

async function createToken(
  page: Page,
  name: string,
  role: "admin" | "specialist",
): Promise<string> {
  await page.goto("/admin/tokens");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Role").selectOption(role);
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByTestId("new-token").inputValue();
  expect(token).toMatch(/^nst_/);
  return token;
}

let api: APIRequestContext;
let specialistApi: APIRequestContext;
let anonymous: APIRequestContext;

test.beforeAll(async ({ browser, playwright, baseURL }) => {
  const page = await browser.newPage();
  await signIn(page, users.admin);
  const adminToken = await createToken(page, `Contract test ${randomUUID().slice(0, 8)}`, "admin");
  const specialistToken = await createToken(
    page,
    `Contract test specialist ${randomUUID().slice(0, 8)}`,
    "specialist",
  );
  await page.close();
  api = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${adminToken}` },
  });
  specialistApi = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${specialistToken}` },
  });
  anonymous = await playwright.request.newContext({ baseURL });
  await loadDocument(anonymous);
});

test.afterAll(async () => {
  await Promise.all([api?.dispose(), specialistApi?.dispose(), anonymous?.dispose()]);
});

test("every documented route answers as documented", async ({ browser }) => {
  test.setTimeout(120_000);
  const v1 = (path: string) => `/api/v1${path}`;

  await conforms("get", "/openapi.json", await anonymous.get(v1("/openapi.json")));

  // Ms. Stone, the speech-language pathologist, runs no group and signs in to nothing: the
  // contract group's bookings meet no one's, and no other spec's sign-in starts facilitating.
  const staff = await conforms("get", "/staff", await api.get(v1("/staff?q=stone")));
  const facilitatorId = (staff.items as Json[])[0]?.id as string;
  expect(facilitatorId).toBeTruthy();
  const students = await conforms(
    "get",
    "/students",
    await api.get(v1("/students?grade=5&limit=6")),
  );
  const studentIds = (students.items as Json[]).map((s) => s.id as string);
  expect(studentIds.length).toBeGreaterThanOrEqual(4);
  await conforms("get", "/interventions", await api.get(v1("/interventions?limit=3")));

  // A group that started two weeks ago, so it has sessions in the past to take attendance for.
  const key = randomUUID();
  const createBody = {
    name: `Contract group ${key.slice(0, 6)}`,
    tier: 2,
    focusArea: "Reading Fluency",
    startDate: dayFromToday(-14),
    durationWeeks: 6,
    schedule: { days: ["MO", "TU", "WE", "TH", "FR"], startTime: "15:00", minutes: 30 },
    // The API reference: `facilitatorIds`, or one `facilitatorId`; the form sends the list, so this uses one.
    facilitatorId,
    studentIds: studentIds.slice(0, 3),
  };
  const createdResponse = await api.post(v1("/interventions"), {
    data: createBody,
    headers: { "idempotency-key": key },
  });
  const created = await conforms("post", "/interventions", createdResponse);
  expect(createdResponse.status()).toBe(201);
  const replay = await api.post(v1("/interventions"), {
    data: createBody,
    headers: { "idempotency-key": key },
  });
  expect((await conforms("post", "/interventions", replay)).id).toBe(created.id);
  expect(replay.headers()["idempotent-replayed"]).toBe("true");
  // The same plan again, for another group: Ms. Stone and the students are now booked then.
  const check = await conforms(
    "post",
    "/schedule/check",
    await api.post(v1("/schedule/check"), { data: { ...createBody, name: undefined } }),
  );
  expect((check.conflicts as Json[]).map((c) => c.kind)).toContain("facilitator_booked");
  const id = created.id as string;
  expect(created.facilitatorIds).toEqual([facilitatorId]);

  const read = await api.get(v1(`/interventions/${id}`));
  await conforms("get", "/interventions/{id}", read);
  const etag = read.headers().etag ?? "";
  const updated = await conforms(
    "put",
    "/interventions/{id}",
    await api.put(v1(`/interventions/${id}`), {
      data: {
        goal: "Read 90 words correct per minute",
        measure: { name: "Words correct per minute", unit: "wcpm", direction: "higher" },
        goalValue: 90,
        reason: "Set the progress-monitoring plan",
      },
      headers: { "if-match": etag },
    }),
  );
  expect(updated.version).toBe((created.version as number) + 1);
  const stale = await api.put(v1(`/interventions/${id}`), {
    data: { name: "Lost update" },
    headers: { "if-match": etag },
  });
  expect(stale.status()).toBe(409);
  await conforms("put", "/interventions/{id}", stale);

  await conforms(
    "post",
    "/interventions/{id}/enroll",
    await api.post(v1(`/interventions/${id}/enroll`), { data: { studentIds: [studentIds[3]] } }),
  );

  const sessions = (
    await conforms(
      "get",
      "/interventions/{id}/sessions",
      await api.get(v1(`/interventions/${id}/sessions`)),
    )
  ).items as Json[];
  const today = dayFromToday(0);
  const past = sessions.filter((s) => (s.date as string) < today);
  const future = sessions.filter((s) => (s.date as string) > today);
  expect(past.length).toBeGreaterThan(0);
  expect(future.length).toBeGreaterThan(2);

  const session = await conforms(
    "get",
    "/sessions/{id}",
    await api.get(v1(`/sessions/${past[0]?.id}`)),
  );
  const roster = session.roster as Json[];
  await conforms(
    "post",
    "/sessions/{id}/attendance",
    await api.post(v1(`/sessions/${past[0]?.id}/attendance`), {
      data: {
        records: roster.map((r, index) => ({
          studentId: r.studentId,
          status: index === 0 ? "absent" : "present",
        })),
        notes: "Contract test session.",
      },
      headers: { "idempotency-key": randomUUID() },
    }),
  );
  await conforms(
    "post",
    "/sessions/{id}/reschedule",
    await api.post(v1(`/sessions/${future[0]?.id}/reschedule`), {
      data: { date: future[0]?.date, startTime: "16:15", reason: "Assembly in the afternoon" },
    }),
  );
  await conforms(
    "post",
    "/sessions/{id}/cancel",
    await api.post(v1(`/sessions/${future[1]?.id}/cancel`), { data: { reason: "Field trip" } }),
  );
  await conforms(
    "post",
    "/interventions/{id}/sessions",
    await api.post(v1(`/interventions/${id}/sessions`), {
      data: {
        date: future[2]?.date,
        startTime: "16:30",
        makeupForSessionId: future[1]?.id,
        reason: "Make-up for the field trip",
      },
    }),
  );
  await conforms(
    "get",
    "/interventions/{id}/effectiveness",
    await api.get(v1(`/interventions/${id}/effectiveness`)),
  );
  // Not JSON: the documented content type, and a calendar in it (the builder's own tests parse it).
  const calendar = await api.get(v1(`/interventions/${id}/calendar.ics`));
  expect(calendar.status()).toBe(200);
  expect(calendar.headers()["content-type"]).toMatch(/^text\/calendar/);
  expect(
    document.paths["/interventions/{id}/calendar.ics"]?.get?.responses["200"]?.content?.[
      "text/calendar"
    ],
  ).toBeDefined();
  expect(await calendar.text()).toContain(`UID:${id}@northstar-interventions`);
  called.add("get /interventions/{id}/calendar.ics");

  const note = await conforms(
    "post",
    "/interventions/{id}/notes",
    await api.post(v1(`/interventions/${id}/notes`), {
      data: {
        studentId: studentIds[0],
        date: dayFromToday(-1),
        observation: "Decoding multisyllabic words with fewer errors.",
        measure: { name: "Words correct per minute", value: 52, unit: "wcpm" },
        progressRating: "expected",
        visibility: "team",
      },
      headers: { "idempotency-key": randomUUID() },
    }),
  );
  await conforms(
    "get",
    "/interventions/{id}/notes",
    await api.get(v1(`/interventions/${id}/notes`)),
  );
  const history = await api.get(v1(`/interventions/${id}/notes/${note.id}`));
  await conforms("get", "/interventions/{id}/notes/{noteId}", history);
  await conforms(
    "put",
    "/interventions/{id}/notes/{noteId}",
    await api.put(v1(`/interventions/${id}/notes/${note.id}`), {
      data: {
        date: dayFromToday(-1),
        observation: "Decoding multisyllabic words with fewer errors; reads with expression.",
        visibility: "team",
        reason: "Added what the facilitator saw",
      },
      headers: { "if-match": history.headers().etag ?? "" },
    }),
  );
  await conforms(
    "get",
    "/students/{id}/progress",
    await api.get(v1(`/students/${studentIds[0]}/progress`)),
  );
  await conforms(
    "get",
    "/students/{id}/interventions",
    await api.get(v1(`/students/${studentIds[0]}/interventions`)),
  );
  const catalogue = await conforms("get", "/assessments", await api.get(v1("/assessments")));
  const reading = (catalogue.items as Json[]).find((a) => a.name === "Reading Benchmark");
  const atRisk = await conforms(
    "get",
    "/reports/at-risk",
    await api.get(v1(`/reports/at-risk?assessmentId=${reading?.id}&window=fall&sort=score`)),
  );
  expect((atRisk.students as Json[]).length).toBeGreaterThan(0);
  await conforms(
    "post",
    "/students/{id}/tier",
    await api.post(v1(`/students/${studentIds[4]}/tier`), {
      data: {
        toTier: 3,
        reason: "Two Tier 2 interventions without response; the team agreed to intensify.",
      },
    }),
  );

  // Referrals (issue 11.3): a parent's request written down, listed, and the referral packet.
  await conforms(
    "post",
    "/students/{id}/evaluation-requests",
    await api.post(v1(`/students/${studentIds[0]}/evaluation-requests`), {
      data: { requesterName: "A parent on the phone", note: "Asked for an evaluation." },
    }),
  );
  await conforms(
    "get",
    "/students/{id}/evaluation-requests",
    await api.get(v1(`/students/${studentIds[0]}/evaluation-requests`)),
  );
  const referralPacket = await api.get(v1(`/students/${studentIds[0]}/referral-packet`));
  expect(referralPacket.status()).toBe(200);
  expect(referralPacket.headers()["content-type"]).toBe("application/pdf");
  expect((await referralPacket.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  called.add("get /students/{id}/referral-packet");

  // Templates (Scenario 10): the district's library, an admin's new one, read and changed.
  const library = await conforms("get", "/templates", await api.get(v1("/templates")));
  expect((library.items as Json[]).map((t) => t.name)).toContain("Tier 2 Math Facts Fluency");
  const templateResponse = await api.post(v1("/templates"), {
    data: {
      name: `Contract template ${key.slice(0, 6)}`,
      tier: 2,
      focusArea: "Reading Fluency",
      durationWeeks: 6,
      daysPerWeek: 3,
      sessionMinutes: 30,
      groupSize: { min: 3, max: 5 },
      resources: ["Leveled passages"],
      measure: { name: "Words correct per minute", unit: "wcpm", direction: "higher" },
      goalValue: 90,
    },
  });
  expect(templateResponse.status()).toBe(201);
  const template = await conforms("post", "/templates", templateResponse);
  expect(template.scope).toBe("district");
  const templateRead = await api.get(v1(`/templates/${template.id}`));
  await conforms("get", "/templates/{id}", templateRead);
  const changedTemplate = await conforms(
    "put",
    "/templates/{id}",
    await api.put(v1(`/templates/${template.id}`), {
      data: { sessionMinutes: 25 },
      headers: { "if-match": templateRead.headers().etag ?? "" },
    }),
  );
  expect(changedTemplate.version).toBe(2);
  // Its record: no group has started from it yet, so nothing is ranked or measured.
  const stats = await conforms(
    "get",
    "/templates/{id}/stats",
    await api.get(v1(`/templates/${template.id}/stats`)),
  );
  expect(stats).toMatchObject({ templateId: template.id, rank: null });
  expect((stats.record as Json).groupsRun).toBe(0);

  // Resources (Scenario 9): the catalogue, one added, read, changed and retired; rooms; the
  // utilization report (its CSV form is not a documented JSON body, so only JSON is checked).
  const catalogueItems = await conforms("get", "/resources", await api.get(v1("/resources")));
  expect((catalogueItems.items as Json[]).map((r) => r.name)).toContain("iPad with reading apps");
  const resourceResponse = await api.post(v1("/resources"), {
    data: {
      kind: "material",
      name: `Contract cards ${key.slice(0, 6)}`,
      quantity: 10,
      costModel: "consumable",
      perUseCents: 25,
    },
  });
  expect(resourceResponse.status()).toBe(201);
  const resource = await conforms("post", "/resources", resourceResponse);
  await conforms("get", "/resources/{id}", await api.get(v1(`/resources/${resource.id}`)));
  const changedResource = await conforms(
    "put",
    "/resources/{id}",
    await api.put(v1(`/resources/${resource.id}`), { data: { quantity: 12 } }),
  );
  expect(changedResource.quantity).toBe(12);
  const retiredResource = await conforms(
    "delete",
    "/resources/{id}",
    await api.delete(v1(`/resources/${resource.id}`)),
  );
  expect(retiredResource.retiredAt).toBeTruthy();
  const rooms = await conforms("get", "/rooms", await api.get(v1("/rooms")));
  expect((rooms.items as Json[]).length).toBeGreaterThan(0);
  const utilization = await conforms(
    "get",
    "/reports/resource-utilization",
    await api.get(v1("/reports/resource-utilization")),
  );
  expect((utilization.rows as Json[]).length).toBeGreaterThan(0);
  const district = await conforms(
    "get",
    "/reports/district-effectiveness",
    await api.get(v1("/reports/district-effectiveness?sort=costPerStudent")),
  );
  expect((district.rows as Json[]).length).toBeGreaterThan(0);

  // Exits (Scenario 11): the seeded student ready to exit is recommended and approved; a decline
  // of a review that does not exist is a documented 404; an enrollment ended for another reason.
  const ready = await conforms(
    "get",
    "/exit-reviews",
    await api.get(v1("/exit-reviews?status=eligible")),
  );
  // The Math Facts one: Intensive Reading's is Scenario 11's (e2e/exit.spec.ts).
  const flagged = (ready.items as Json[]).find(
    (r) => r.interventionName === "Math Facts Fluency - Tier 2",
  );
  expect(flagged, "the seed flags a student ready to exit").toBeDefined();
  const recommended = await conforms(
    "post",
    "/exit-reviews/{id}/recommend",
    await api.post(v1(`/exit-reviews/${flagged?.id}/recommend`), {
      data: { note: "Three strong probes in a row." },
    }),
  );
  expect(recommended.status).toBe("recommended");
  const approvedExit = await conforms(
    "post",
    "/exit-reviews/{id}/approve",
    await api.post(v1(`/exit-reviews/${flagged?.id}/approve`), { data: {} }),
  );
  expect(approvedExit.status).toBe("approved");
  const missingReview = await api.post(v1(`/exit-reviews/${randomUUID()}/decline`), {
    data: { reason: "Not yet." },
  });
  expect(missingReview.status()).toBe(404);
  await conforms("post", "/exit-reviews/{id}/decline", missingReview);
  const endedEnrollment = await conforms(
    "post",
    "/interventions/{id}/students/{studentId}/exit",
    await api.post(v1(`/interventions/${id}/students/${studentIds[3]}/exit`), {
      data: { reason: "moved-away", date: dayFromToday(0) },
    }),
  );
  expect(endedEnrollment.exitReason).toBe("moved-away");

  // School years (issue 11, point 6): a year entered far ahead, and a close out of order (409),
  // which leaves the seed's year open for e2e/year-end.spec.ts.
  const years = await conforms("get", "/school-years", await api.get(v1("/school-years")));
  const latest = (years.items as Json[]).at(-1) as { firstDay: string; lastDay: string };
  const farAhead = await conforms(
    "post",
    "/school-years",
    await api.post(v1("/school-years"), {
      data: {
        firstDay: addDays(latest.firstDay, 5 * 364),
        lastDay: addDays(latest.lastDay, 5 * 364),
      },
    }),
  );
  const outOfOrder = await api.post(v1(`/school-years/${farAhead.id}/close`), {
    data: { groups: [] },
  });
  expect(outOfOrder.status()).toBe(409);
  await conforms("post", "/school-years/{id}/close", outOfOrder);

  const firstPage = await conforms("get", "/events", await api.get(v1("/events?limit=5")));
  expect((firstPage.items as Json[]).length).toBeGreaterThan(0);
  await conforms(
    "get",
    "/events",
    await api.get(v1(`/events?limit=5&after=${encodeURIComponent(String(firstPage.nextCursor))}`)),
  );

  // Families (issue 13, point 3): the disclosure log (the referral packet above is in it), the
  // messages to the family, and a question Emma Wilson's mother asks (with her own session) that
  // the team answers.
  const disclosureLog = await conforms(
    "get",
    "/students/{id}/disclosures",
    await api.get(v1(`/students/${studentIds[0]}/disclosures`)),
  );
  expect((disclosureLog.items as Json[]).some((d) => d.kind === "referral-packet")).toBe(true);
  const wilsons = await conforms(
    "get",
    "/students",
    await api.get(v1("/students?q=Emma%20Wilson")),
  );
  const emmaId = (wilsons.items as Json[])[0]?.id as string;
  expect(emmaId).toBeTruthy();
  const letters = await conforms(
    "get",
    "/students/{id}/communications",
    await api.get(v1(`/students/${emmaId}/communications`)),
  );
  expect((letters.items as Json[]).length).toBeGreaterThan(0);
  const mother = await pageOfItsOwn(browser);
  await signIn(mother, users.parent);
  const asked = await conforms(
    "post",
    "/students/{id}/family-requests",
    await mother.request.post(v1(`/students/${emmaId}/family-requests`), {
      data: { kind: "question", body: "When does Emma's reading group meet next week?" },
    }),
  );
  await mother.context().close();
  await conforms(
    "get",
    "/students/{id}/family-requests",
    await api.get(v1(`/students/${emmaId}/family-requests`)),
  );
  const answeredRequest = await conforms(
    "post",
    "/family-requests/{id}/answer",
    await api.post(v1(`/family-requests/${asked.id}/answer`), {
      data: { answer: "Monday, Wednesday and Friday at 9:00, as usual." },
    }),
  );
  expect(answeredRequest.status).toBe("answered");

  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => `${method} ${path}`),
  );
  expect([...called].sort()).toEqual(operations.sort());
});

test("failures are documented problem+json answers", async () => {
  const missing = await api.get(`/api/v1/interventions/${randomUUID()}`);
  expect(missing.status()).toBe(404);
  expect(missing.headers()["content-type"]).toContain("application/problem+json");
  await conforms("get", "/interventions/{id}", missing);

  const unauthenticated = await anonymous.get("/api/v1/interventions");
  expect(unauthenticated.status()).toBe(401);
  await conforms("get", "/interventions", unauthenticated);

  const invalid = await api.post("/api/v1/interventions", { data: { name: "" } });
  expect(invalid.status()).toBe(400);
  const problem = await conforms("post", "/interventions", invalid);
  expect((problem.errors as Json[]).map((e) => e.path)).toContain("name");

  const forbidden = await specialistApi.get("/api/v1/events");
  expect(forbidden.status()).toBe(403);
  await conforms("get", "/events", forbidden);

  const bogus = await anonymous.get("/api/v1/interventions", {
    headers: { authorization: "Bearer nst_bogus" },
  });
  expect(bogus.status()).toBe(401);
  expect(bogus.headers()["www-authenticate"]).toContain("Bearer");
});
