import { describe, expect, it } from "vitest";
import { authLanguage } from "./auth";

describe("authLanguage", () => {
  it("takes the address's choice first, then the browser's first preference", () => {
    expect(authLanguage("es", "en-US,en;q=0.9")).toBe("es");
    expect(authLanguage("en", "es-MX,es;q=0.9")).toBe("en");
    expect(authLanguage(undefined, "es-MX,es;q=0.9,en;q=0.8")).toBe("es");
    expect(authLanguage(undefined, "en-US,es;q=0.5")).toBe("en");
    expect(authLanguage("fr", null)).toBe("en");
  });
});
