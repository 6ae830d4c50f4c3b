import { describe, expect, it } from "vitest";
import { formFields } from "./form-fields";

describe("a public form action's fields", () => {
  it("are the form's text fields, the first of a repeated name", () => {
    const form = new FormData();
    form.append("token", "abc");
    form.append("token", "second");
    form.append("file", new Blob(["x"]), "x.txt");
    expect(formFields(form)).toEqual({ token: "abc" });
  });

  it("are none when the caller sent something other than a form", () => {
    for (const sent of [{ token: "abc" }, "token=abc", null, undefined, 42, ["token"]]) {
      expect(formFields(sent)).toEqual({});
    }
  });
});
