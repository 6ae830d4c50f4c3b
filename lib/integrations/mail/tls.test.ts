import { describe, expect, it } from "vitest";
import { describeTlsFailure, smtpTlsMode, tlsTransportOptions } from "./tls";

describe("smtpTlsMode", () => {
  it("requires TLS of a server on another machine unless told otherwise", () => {
    expect(smtpTlsMode("mail.district.org", undefined)).toBe("require");
    expect(smtpTlsMode("10.0.0.5", undefined)).toBe("require");
    expect(smtpTlsMode("localhost.evil.example", undefined)).toBe("require");
    expect(smtpTlsMode(undefined, undefined)).toBe("require");
  });

  it("uses STARTTLS only when offered by a relay on the loopback interface", () => {
    for (const host of ["localhost", "127.0.0.1", "127.0.0.53", "::1", "[::1]"]) {
      expect(smtpTlsMode(host, undefined), host).toBe("if-offered");
    }
  });

  it("follows the operator's explicit setting", () => {
    expect(smtpTlsMode("mail.district.org", "off")).toBe("off");
    expect(smtpTlsMode("localhost", "require")).toBe("require");
  });
});

describe("tlsTransportOptions", () => {
  it("never lets ignoreTLS and requireTLS both stand", () => {
    expect(tlsTransportOptions("require")).toEqual({ requireTLS: true, ignoreTLS: false });
    expect(tlsTransportOptions("if-offered")).toEqual({ requireTLS: false, ignoreTLS: false });
    expect(tlsTransportOptions("off")).toEqual({ requireTLS: false, ignoreTLS: true });
  });
});

describe("describeTlsFailure", () => {
  it("says a refused STARTTLS plainly, without the server's 5xx that would read as a bounce", () => {
    const refused = Object.assign(new Error("Error upgrading connection with STARTTLS: 500"), {
      code: "ETLS",
      responseCode: 500,
      command: "STARTTLS",
    });
    const said = describeTlsFailure(refused, "mail.district.org") as Error & {
      responseCode?: number;
    };
    expect(said.message).toMatch(
      /SMTP_TLS requires TLS and the mail server mail.district.org did not/,
    );
    expect(said.responseCode).toBeUndefined();
  });

  it("leaves other errors as they are", () => {
    const unknownMailbox = Object.assign(new Error("550 No such mailbox"), { responseCode: 550 });
    expect(describeTlsFailure(unknownMailbox, "mail.district.org")).toBe(unknownMailbox);
  });
});
