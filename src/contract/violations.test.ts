import { resolve } from "node:path";
import { loadContract } from "./load-contract";
import { describeActual } from "./violations";

const { contract } = loadContract(resolve(__dirname, "../../schemas"));

describe("violations", () => {
  it("keeps ajv's structure: path, keyword, schema path, message and the actual value", () => {
    const check = contract.validate("contact", { id: "c1", channel_identities: [], language: "KLINGON" });
    expect(check.valid).toBe(false);
    expect(check.violations).toHaveLength(1);
    const v = check.violations[0]!;
    expect(v.instancePath).toBe("/language");
    expect(v.keyword).toBe("enum");
    expect(v.schemaPath).toContain("enum");
    expect(v.message).toContain('"AF"');
    expect(v.actual).toBe('"KLINGON"');
  });

  it("reports every problem at once", () => {
    const check = contract.validate("contact", { id: 7, language: "EN" });
    expect(check.violations.map((v) => `${v.instancePath} ${v.keyword}`).sort()).toEqual([
      " required",
      "/id type",
    ]);
  });

  it("says which message kinds are allowed when none is given, without one error per kind", () => {
    const check = contract.validate("app-message", { agent: { type: "BOT" } });
    expect(check.violations).toHaveLength(1);
    expect(check.violations[0]!.keyword).toBe("oneOf");
    expect(check.violations[0]!.message).toMatch(/^must have exactly one of: text_message, media_message/);
  });

  it("says which kinds clash when two are given", () => {
    const check = contract.validate("app-message", { text_message: { text: "a" }, media_message: { url: "u" } });
    expect(check.violations[0]!.message).toContain("(has text_message, media_message)");
  });

  it("cuts long actual values and redacts secrets", () => {
    expect(describeActual("x".repeat(500)).length).toBeLessThanOrEqual(120);
    expect(describeActual({ secret: "s3cr3t", target: "t" })).toBe('{"secret":"[REDACTED]","target":"t"}');
    expect(describeActual("s3cr3t", "client_secret")).toBe('"[REDACTED]"');
    const check = contract.validate("webhook", { id: "w", app_id: "a", target: "t", triggers: [], secret: 5 });
    expect(JSON.stringify(check.violations)).not.toContain("s3cr3t");
    const leaky = contract.validate("webhook", { id: "w", app_id: "a", triggers: [], secret: "s3cr3t" });
    expect(leaky.valid).toBe(false);
    expect(JSON.stringify(leaky.violations)).not.toContain("s3cr3t");
  });

  it("accepts timestamps with nanosecond fractions and rejects ones without a zone", () => {
    const ok = { message_id: "m", accepted_time: "2024-06-06T14:42:42.379863404Z" };
    expect(contract.validate("send-message-response", ok).valid).toBe(true);
    const bad = contract.validate("send-message-response", { ...ok, accepted_time: "2024-06-06T14:42:42" });
    expect(bad.violations[0]!.keyword).toBe("format");
  });

  it("accepts both spellings the SDKs use", () => {
    const token = { access_token: "t", expires_in: 3600, scope: "" };
    expect(contract.validate("oauth-token", { ...token, token_type: "Bearer" }).valid).toBe(true);
    expect(contract.validate("oauth-token", { ...token, token_type: "bearer" }).valid).toBe(true);
    expect(contract.validate("oauth-token", { ...token, token_type: "MAC" }).valid).toBe(false);
    const hook = { app_id: "a", target: "https://x", triggers: ["SMART_CONVERSATION", "SMART_CONVERSATIONS"] };
    expect(contract.validate("webhook-create-request", hook).valid).toBe(true);
  });

  it("treats empty as exactly {}", () => {
    expect(contract.validate("empty", {}).valid).toBe(true);
    expect(contract.validate("empty", { a: 1 }).valid).toBe(false);
    expect(contract.validate("empty", []).valid).toBe(false);
  });
});
