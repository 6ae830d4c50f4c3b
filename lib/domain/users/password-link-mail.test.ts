import { describe, expect, it } from "vitest";
import { passwordLinkMail } from "./password-link-mail";

const base = {
  name: "Carlos Martinez",
  email: "carlos@example.com",
  role: "parent" as const,
  districtName: "Maple Grove School District",
  appUrl: "https://northstar.test",
  link: "https://northstar.test/set-password?token=abc&lang=es",
  until: "2 de diciembre de 2026",
};

describe("passwordLinkMail", () => {
  it("writes a family's invitation in Spanish, with the link and its last day", () => {
    const mail = passwordLinkMail({
      ...base,
      language: "es",
      why: { kind: "new-account", by: "Dr. Patricia Reyes" },
    });
    expect(mail.subject).toBe("Su cuenta de NorthStar Interventions");
    expect(mail.body).toContain("Dr. Patricia Reyes le ha dado acceso");
    expect(mail.body).toContain("como madre, padre o tutor(a)");
    expect(mail.body).toContain(`hasta el 2 de diciembre de 2026:\n${base.link}`);
    expect(mail.body).toContain("https://northstar.test/sign-in?lang=es con carlos@example.com");
  });

  it("writes a reset in English that is safe to ignore, and falls back to SSO without a link", () => {
    const mail = passwordLinkMail({
      ...base,
      language: "en",
      role: "teacher",
      until: "December 2, 2026",
      why: { kind: "reset" },
    });
    expect(mail.subject).toBe("Your NorthStar Interventions password");
    expect(mail.body).toContain("If it was not you, ignore this message");
    // A reset link is asked for a moment before it is used: it works for an hour, not days.
    expect(mail.body).toContain("The link works once, for one hour:");
    expect(mail.body).not.toContain("December 2, 2026");
    const es = passwordLinkMail({ ...base, language: "es", why: { kind: "reset" } });
    expect(es.body).toContain("El enlace funciona una sola vez, durante una hora:");
    const sso = passwordLinkMail({
      ...base,
      language: "en",
      link: null,
      why: { kind: "new-account", by: "An admin" },
    });
    expect(sso.body).toContain("Sign in with your district account.");
    expect(sso.body).not.toContain("set-password");
  });
});
