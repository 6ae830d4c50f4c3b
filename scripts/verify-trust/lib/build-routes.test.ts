import { describe, expect, it } from "vitest";
import { fillOpenApiPath, fillRoute, routeFromEntry, tableOf } from "./build-routes";
import { failedRow, formatTable, summaryLine } from "./table";

describe("routes from the build's manifests", () => {
  it("drops route groups and reads each parameter with the segment it follows", () => {
    expect(routeFromEntry("/(app)/interventions/[id]/notes/[noteId]/page")).toEqual({
      template: "/interventions/[id]/notes/[noteId]",
      kind: "page",
      params: [
        { name: "id", after: "interventions", catchAll: false },
        { name: "noteId", after: "notes", catchAll: false },
      ],
      group: "app",
    });
    expect(routeFromEntry("/(auth)/sign-in/page")?.group).toBe("auth");
    expect(routeFromEntry("/api/v1/students/route")?.group).toBeNull();
    expect(routeFromEntry("app/(app)/students/[id]/page")?.template).toBe("/students/[id]");
    expect(routeFromEntry("/page")?.template).toBe("/");
    expect(routeFromEntry("/_not-found/page")).toBeNull();
  });

  it("puts an id of the table each segment names into the path", () => {
    const route = routeFromEntry("/api/v1/interventions/[id]/students/[studentId]/exit/route");
    if (!route) throw new Error("no route");
    expect(route.params.map(tableOf)).toEqual(["interventions", "students"]);
    expect(fillRoute(route, (table) => `<${table}>`)).toBe(
      "/api/v1/interventions/<interventions>/students/<students>/exit",
    );
    const auth = routeFromEntry("/api/auth/[...nextauth]/route");
    expect(auth && fillRoute(auth, () => "x")).toBe("/api/auth/session");
    expect(
      fillOpenApiPath("/api/v1/sessions/{id}/cancel", (t) =>
        t === "intervention_sessions" ? "S" : undefined,
      ),
    ).toBe("/api/v1/sessions/S/cancel");
  });
});

describe("the printed table", () => {
  it("pads each column and says which rows failed", () => {
    const rows = [
      { area: "authorization", check: "routes", figure: "10 requests, 0 leaks", ok: true },
      failedRow("fuzz", new Error("boom\nstack")),
    ];
    expect(formatTable(rows).split("\n")).toEqual([
      "| area          | check         | figure               | ok  |",
      "|---------------|---------------|----------------------|-----|",
      "| authorization | routes        | 10 requests, 0 leaks | yes |",
      "| fuzz          | the check ran | threw: boom          | NO  |",
    ]);
    expect(summaryLine(rows, 61.2, false)).toBe("verify:trust (short run): 2 rows, 1 FAILED, 61 s");
  });
});
