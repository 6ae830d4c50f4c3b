import { describe, expect, it } from "vitest";
import {
  PASSWORD_LINK_NOTE,
  passwordLinkUrl,
  passwordLinkWhyOf,
  redactPasswordLinks,
  withPasswordLink,
} from "./password-link-redaction";

describe("password links in the log", () => {
  it("puts the link where the note is, in the message's language", () => {
    const link = passwordLinkUrl("https://northstar.test", "a.b/c", "es");
    expect(link).toBe("https://northstar.test/set-password?token=a.b%2Fc&lang=es");
    const body = `Elija aquí:\n${PASSWORD_LINK_NOTE.es}\n\nGracias.`;
    expect(withPasswordLink(body, "es", link)).toBe(`Elija aquí:\n${link}\n\nGracias.`);
  });

  it("redacts a live link left in an older message", () => {
    const body = "Choose it here:\nhttps://x.test/set-password?token=abc.def&lang=es\nThanks";
    expect(redactPasswordLinks(body, "en")).toBe(
      `Choose it here:\n${PASSWORD_LINK_NOTE.en}\nThanks`,
    );
    expect(redactPasswordLinks("no link here", "en")).toBe("no link here");
  });

  it("reads why the link was sent back from the message's reason", () => {
    expect(passwordLinkWhyOf("Account access")).toBe("new-account");
    expect(passwordLinkWhyOf("Password reset")).toBe("reset");
    expect(passwordLinkWhyOf(null)).toBe("reset");
  });
});
