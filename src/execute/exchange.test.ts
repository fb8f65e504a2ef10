import { createRedactor } from "../diagnostics";
import type { StepResult } from "../model";
import { buildExchange, redactResult, reportBody } from "./exchange";

const SECRET = "client-secret-under-test";

function failedResult(): StepResult {
  return {
    name: "s", phase: "steps", file: "suites/s.yaml", line: 1, column: 1, outcome: "failed", request: "X/Y", durationMs: 1, flaky: false,
    drift: [],
    attempts: [{ durationMs: 1, error: `connect refused for ${SECRET}` }],
    error: { code: "CC_INTERNAL", message: `boom ${SECRET}` },
    failures: [{
      kind: "body", path: "$.name", message: `expected "x", got "${SECRET}"`, expected: '"x"', actual: `"${SECRET}"`,
      violations: [{ instancePath: "/name", keyword: "const", schemaPath: "#/const", message: `must be ${SECRET}`, actual: SECRET }],
    }],
  };
}

describe("redactResult (the step-level scrub of what a failed step reports)", () => {
  it("replaces every secret in messages, expected/actual, violations, errors and attempts", () => {
    const result = failedResult();
    redactResult(createRedactor([SECRET]), result);
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(result.failures[0]).toMatchObject({ message: 'expected "x", got "[REDACTED]"', actual: '"[REDACTED]"' });
    expect(result.failures[0]!.violations![0]).toMatchObject({ message: "must be [REDACTED]", actual: "[REDACTED]" });
    expect(result.error?.message).toBe("boom [REDACTED]");
    expect(result.attempts[0]!.error).toBe("connect refused for [REDACTED]");
  });

  it("leaves a result without secrets as it was", () => {
    const result = failedResult();
    redactResult(createRedactor(["something-else"]), result);
    expect(result).toEqual(failedResult());
  });
});

describe("exchange bodies", () => {
  const token = "eyJ.unknown-to-the-redactor.sig";

  it("scrub every access_token value, even one the redactor was never told about", () => {
    const body = JSON.stringify({ access_token: token, token_type: "Bearer", nested: { "access_token" : "second" } });
    const shown = reportBody(createRedactor([]), body)!;
    expect(shown).not.toContain(token);
    expect(shown).not.toContain("second");
    expect(JSON.parse(shown)).toEqual({ access_token: "[REDACTED]", token_type: "Bearer", nested: { access_token: "[REDACTED]" } });
  });

  it("scrub request and response bodies, headers and the URL of a built exchange", () => {
    const exchange = buildExchange(createRedactor([SECRET]), {
      request: { method: "POST", url: `https://x.test/token?s=${SECRET}`, headers: { authorization: "Basic abc" }, body: `grant=${SECRET}` },
      response: { status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify({ access_token: token }) },
    });
    const text = JSON.stringify(exchange);
    for (const secret of [SECRET, token, "Basic abc"]) expect(text).not.toContain(secret);
    expect(exchange.response?.body).toBe('{"access_token":"[REDACTED]"}');
  });

  it("cut a long body to a few KB and say how long it was", () => {
    const shown = reportBody(createRedactor([]), "x".repeat(10_000))!;
    expect(shown.length).toBeLessThan(4200);
    expect(shown).toMatch(/… \(10000 chars\)$/);
  });
});
