import { describe, expect, it } from "vitest";
import { createResourceSchema, withCostFieldsOfModel } from "./resource-schemas";

describe("createResourceSchema", () => {
  it("asks for the fields of the chosen cost model", () => {
    const parsed = createResourceSchema.safeParse({
      kind: "equipment",
      name: "iPad",
      costModel: "purchase",
      purchaseCents: 40_000,
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["usefulLifeYears"]);
  });

  it("defaults quantity to 1 and the model to none", () => {
    const parsed = createResourceSchema.parse({ kind: "material", name: "Cards" });
    expect(parsed).toMatchObject({ quantity: 1, costModel: "none" });
  });

  it("refuses a fractional or negative price", () => {
    for (const perUseCents of [12.5, -1]) {
      expect(
        createResourceSchema.safeParse({
          kind: "material",
          name: "Cards",
          costModel: "consumable",
          perUseCents,
        }).success,
      ).toBe(false);
    }
  });
});

describe("withCostFieldsOfModel", () => {
  it("clears the cost fields of other models", () => {
    const input = createResourceSchema.parse({
      kind: "curriculum",
      name: "Reading Mastery",
      costModel: "licence",
      licenceCentsPerStudentYear: 9_000,
      purchaseCents: 100,
    });
    expect(withCostFieldsOfModel(input)).toMatchObject({
      licenceCentsPerStudentYear: 9_000,
      purchaseCents: null,
      usefulLifeYears: null,
      perUseCents: null,
    });
  });
});
