import { describe, expect, it } from "vitest";
import {
  chooseWording,
  HELP_LINES,
  helpLineFor,
  languageCodeSchema,
  languageName,
  withHelpLine,
} from "./languages";
import { DEFAULT_TEMPLATES } from "./templates";

const builtIn = DEFAULT_TEMPLATES.enrollment;
const none = new Map();

describe("chooseWording", () => {
  it("writes English and Spanish from the built-in wording, with no help line", () => {
    expect(chooseWording(builtIn, none, "en")).toMatchObject({
      language: "en",
      template: builtIn.en,
      version: 0,
      valuesLanguage: "en",
      helpLine: null,
    });
    expect(chooseWording(builtIn, none, "es")).toMatchObject({
      language: "es",
      template: builtIn.es,
      valuesLanguage: "es",
      helpLine: null,
    });
  });

  it("prefers the district's own wording in the guardian's language", () => {
    const own = new Map([["es", { subject: "Asunto", body: "Cuerpo", version: 3 }]]);
    expect(chooseWording(builtIn, own, "es")).toMatchObject({
      language: "es",
      template: { subject: "Asunto", body: "Cuerpo" },
      version: 3,
    });
  });

  it("writes English with a Vietnamese help line to a Vietnamese-speaking guardian", () => {
    const wording = chooseWording(builtIn, none, "vi");
    expect(wording).toMatchObject({
      language: "en",
      template: builtIn.en,
      valuesLanguage: "en",
      helpLine: HELP_LINES.vi?.line,
    });
    // The district's English wording, where it has one, is the English used.
    const own = new Map([["en", { subject: "S", body: "B", version: 2 }]]);
    expect(chooseWording(builtIn, own, "vi")).toMatchObject({ language: "en", version: 2 });
  });

  it("uses a language the district added, with the facts in English and no help line", () => {
    const own = new Map([
      ["vi", { subject: "Thư", body: "Kính gửi {{guardianName}}", version: 1 }],
    ]);
    expect(chooseWording(builtIn, own, "vi")).toMatchObject({
      language: "vi",
      template: { subject: "Thư" },
      version: 1,
      valuesLanguage: "en",
      helpLine: null,
    });
  });

  it("writes English only for a language the help table does not know, or none", () => {
    expect(chooseWording(builtIn, none, "xx")).toMatchObject({ language: "en", helpLine: null });
    expect(chooseWording(builtIn, none, null)).toMatchObject({ language: "en", helpLine: null });
    expect(chooseWording(builtIn, none, " VI ")).toMatchObject({
      language: "en",
      helpLine: HELP_LINES.vi?.line,
    });
  });
});

describe("the help line", () => {
  it("has a line for the languages most families speak after English and Spanish", () => {
    expect(Object.keys(HELP_LINES)).toEqual(
      expect.arrayContaining(["vi", "zh", "ar", "so", "ht", "ru", "pt", "fr"]),
    );
    for (const { line } of Object.values(HELP_LINES)) expect(line.length).toBeGreaterThan(20);
  });

  it("is added only to a text not in the guardian's language", () => {
    expect(helpLineFor("vi", "en")).toBe(HELP_LINES.vi?.line);
    expect(helpLineFor("vi", "vi")).toBeNull();
    expect(helpLineFor("en", "es")).toBeNull();
    expect(helpLineFor("xx", "en")).toBeNull();
  });

  it("comes first, as its own paragraph", () => {
    expect(withHelpLine("Dear family,", "Xin chào.")).toBe("Xin chào.\n\nDear family,");
    expect(withHelpLine("Dear family,", null)).toBe("Dear family,");
  });
});

describe("language codes", () => {
  it("takes two- or three-letter codes, lower-cased", () => {
    expect(languageCodeSchema.parse(" VI ")).toBe("vi");
    expect(languageCodeSchema.parse("hmn")).toBe("hmn");
    expect(languageCodeSchema.safeParse("Vietnamese").success).toBe(false);
    expect(languageCodeSchema.safeParse("v").success).toBe(false);
  });

  it("names a language by its own name where known", () => {
    expect(languageName("es")).toBe("Español");
    expect(languageName("vi")).toBe("Tiếng Việt");
    expect(languageName("xx")).toBe("xx");
  });
});
