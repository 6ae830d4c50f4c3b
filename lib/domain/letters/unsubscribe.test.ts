import { describe, expect, it } from "vitest";
import { signOptOutToken, verifyOptOutToken } from "./opt-out-token";
import {
  listUnsubscribeHeaders,
  oneClickUrlIn,
  signUnsubscribeToken,
  UNSUBSCRIBE_LINK_DAYS,
  unsubscribeExpiresAt,
  unsubscribeFooter,
  verifyUnsubscribeToken,
} from "./unsubscribe";

const secret = "u".repeat(40);
const claims = {
  tenantId: "11111111-1111-4111-8111-111111111111",
  guardianId: "33333333-3333-4333-8333-333333333333",
  expiresAt: unsubscribeExpiresAt("2026-11-25"),
};
const before = new Date(Date.UTC(2026, 10, 25, 15));

describe("unsubscribe tokens", () => {
  it("round-trip the district and the guardian until the link expires", () => {
    expect(verifyUnsubscribeToken(signUnsubscribeToken(claims, secret), secret, before)).toEqual({
      ok: true,
      claims,
    });
  });

  it("work for a year after the letter's date, to the end of that day", () => {
    expect(UNSUBSCRIBE_LINK_DAYS).toBe(365);
    expect(new Date(claims.expiresAt * 1000).toISOString()).toBe("2027-11-25T23:59:59.000Z");
    const token = signUnsubscribeToken(claims, secret);
    expect(verifyUnsubscribeToken(token, secret, new Date("2027-11-25T23:59:00Z")).ok).toBe(true);
    expect(verifyUnsubscribeToken(token, secret, new Date("2027-11-26T00:00:01Z"))).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("refuse an edited token, another secret, and an opt-out link's token (and the reverse)", () => {
    const token = signUnsubscribeToken(claims, secret);
    const [payload, signature] = token.split(".");
    const edited = `${payload?.slice(0, -1)}${payload?.endsWith("A") ? "B" : "A"}.${signature}`;
    expect(verifyUnsubscribeToken(edited, secret, before).ok).toBe(false);
    expect(verifyUnsubscribeToken(token, "v".repeat(40), before).ok).toBe(false);
    const optOut = signOptOutToken(
      { ...claims, enrollmentId: "22222222-2222-4222-8222-222222222222" },
      secret,
    );
    expect(verifyUnsubscribeToken(optOut, secret, before).ok).toBe(false);
    expect(verifyOptOutToken(token, secret, before).ok).toBe(false);
  });
});

describe("the e-mail's unsubscribe link and headers", () => {
  const page = "https://northstar.test/unsubscribe?token=abc.DEF_-9";

  it("writes the footer in the letter's language, saying required notices still come", () => {
    expect(unsubscribeFooter("en", page)).toContain(`To stop optional messages, open: ${page}`);
    expect(unsubscribeFooter("en", page)).toMatch(/will still come/);
    expect(unsubscribeFooter("es", page)).toContain(`abra: ${page}`);
  });

  it("finds the one-click address of the footer's link in the e-mailed text", () => {
    const text = `Dear family,\n\nGood news.\n\n${unsubscribeFooter("en", page)}`;
    expect(oneClickUrlIn(text)).toBe(
      "https://northstar.test/unsubscribe/one-click?token=abc.DEF_-9",
    );
    expect(oneClickUrlIn("A letter without a link: https://northstar.test/portal")).toBeNull();
  });

  it("takes the last link when a text holds more than one (the footer comes last)", () => {
    const text = `See https://a.test/unsubscribe?token=first\n\n${unsubscribeFooter("en", page)}`;
    expect(oneClickUrlIn(text)).toBe(
      "https://northstar.test/unsubscribe/one-click?token=abc.DEF_-9",
    );
  });

  it("gives RFC 8058's two headers", () => {
    expect(listUnsubscribeHeaders("https://x.test/unsubscribe/one-click?token=t")).toEqual({
      "List-Unsubscribe": "<https://x.test/unsubscribe/one-click?token=t>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });
});
