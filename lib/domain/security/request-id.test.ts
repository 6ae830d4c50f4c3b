import { describe, expect, it } from "vitest";
import { acceptedRequestId } from "./request-id";

describe("a client's x-request-id", () => {
  it("is kept when it is a UUID or a short safe token", () => {
    expect(acceptedRequestId("0B7C4A4E-3C55-4D5E-9A1A-8D0F5F3E2A11")).toBe(
      "0b7c4a4e-3c55-4d5e-9a1a-8d0f5f3e2a11",
    );
    expect(acceptedRequestId("sis-sync_2026.11.18-0001")).toBe("sis-sync_2026.11.18-0001");
  });

  it("is dropped when it could write text of the client's choosing into the audit trail", () => {
    for (const claimed of [
      null,
      undefined,
      "",
      "short",
      "x".repeat(65),
      "deleted all records, approved by the principal",
      "api-token:0b7c4a4e-3c55-4d5e-9a1a-8d0f5f3e2a11:x",
      "line\nbreak-injected",
      "<script>alert(1)</script>",
      "caf\u00e9-request-000",
    ]) {
      expect(acceptedRequestId(claimed)).toBeNull();
    }
  });
});
