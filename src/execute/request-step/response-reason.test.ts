import { createRedactor } from "../../diagnostics";
import type { CheckFailure } from "../../model";
import { parseBody } from "../check-payload";
import { explainStatus } from "./response-reason";

const SECRET = "s3cr3t-value-that-must-not-leak";

function explain(raw: string): CheckFailure {
  const failure: CheckFailure = { kind: "status", message: "expected status 200, got 400" };
  explainStatus([failure], parseBody(raw), raw, createRedactor([SECRET]));
  return failure;
}

describe("what a status failure says the response said", () => {
  it("takes the error envelope's message, status and every field violation", () => {
    const envelope = { error: { code: 400, message: "Invalid argument", status: "INVALID_ARGUMENT", details: [
      { "@type": "type.googleapis.com/google.rpc.BadRequest", field_violations: [
        { field: "language", description: "must have required property 'language'" },
        { field: "channel_identities", description: `must not be empty (${SECRET})` },
      ] },
    ] } };
    expect(explain(JSON.stringify(envelope)).reason).toEqual({
      message: "Invalid argument (INVALID_ARGUMENT)",
      fieldViolations: [
        { field: "language", description: "must have required property 'language'" },
        { field: "channel_identities", description: "must not be empty ([REDACTED])" },
      ],
    });
  });

  it("takes an OAuth2 error and its description from a token endpoint", () => {
    expect(explain('{"error":"invalid_client","error_description":"Client authentication failed"}').reason)
      .toEqual({ message: "invalid_client: Client authentication failed" });
  });

  it("quotes the first 500 bytes of any other body, redacted before it is cut, never half a character", () => {
    for (let start = 470; start <= 500; start += 3) {
      const raw = `${"é".repeat(start / 2)}${"x".repeat(start % 2)}${SECRET}${"y".repeat(600)}`;
      const body = explain(raw).reason!.body!;
      expect(body).not.toContain(SECRET.slice(0, 6));
      expect(Buffer.byteLength(body.replace(/… \(\d+ bytes\)$/, ""))).toBeLessThanOrEqual(500);
      expect(body).not.toContain("\ufffd");
      expect(body).toMatch(/… \(\d+ bytes\)$/);
    }
    expect(explain("short text").reason).toEqual({ body: "short text" });
  });

  it("explains only status failures, and says nothing of an empty body", () => {
    const other: CheckFailure = { kind: "body", message: "not found" };
    explainStatus([other], parseBody("{}"), "{}", createRedactor([]));
    expect(other.reason).toBeUndefined();
    expect(explain("").reason).toBeUndefined();
  });
});
