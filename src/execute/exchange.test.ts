import { createRedactor } from "../diagnostics";
import type { StepResult } from "../model";
import { leakedPart, Random, randomJwt, randomSecret, SECRET_KEYS } from "../diagnostics/testing/secret-cases";
import { buildExchange, learnCaptures, learnRunInputs, redactResult, reportBody } from "./exchange";
import type { Plan } from "../model";

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

  it("redact first and cut after: no secret that straddles the cut shows in part, at any offset around it", () => {
    const rnd = new Random(7);
    const told = randomSecret(rnd);
    const shapes: Array<{ name: string; secret: string; body: (pad: number) => string }> = [
      { name: "a secret the redactor knows", secret: told, body: (pad) => `${"x".repeat(pad)}${told}${"y".repeat(5000)}` },
      ...[0, 1, 2].map((i) => {
        const jwt = randomJwt(new Random(100 + i));
        return { name: `a JWT nobody named (${i})`, secret: jwt, body: (pad: number) => `${" ".repeat(pad)}${jwt} ${"y".repeat(5000)}` };
      }),
      ...SECRET_KEYS.slice(0, 6).map((key, i) => {
        const secret = randomSecret(new Random(200 + i)).replace(/["\\]/g, "q");
        return { name: `a value under "${key}"`, secret, body: (pad: number) => `{"pad":"${"x".repeat(pad)}","${key}":"${secret}","more":"${"y".repeat(5000)}"}` };
      }),
    ];
    for (const shape of shapes) {
      for (let offset = 4096 - shape.secret.length - 40; offset <= 4096 + 8; offset++) {
        const shown = reportBody(createRedactor([told]), shape.body(offset))!;
        const part = leakedPart(shown, shape.secret);
        if (part !== undefined) throw new Error(`${shape.name} at offset ${offset}: shown in part (${part})`);
        expect(shown.length).toBeLessThan(4200);
      }
    }
  });
});

describe("what the run teaches the redactor", () => {
  it("every exchange's values under secret-like keys: request URL, headers and form body, response body", () => {
    const r = createRedactor([]);
    buildExchange(r, {
      request: { method: "POST", url: "https://h.test/x?api_key=query-secret-1", headers: { "x-api-key": "header-secret-2" }, body: "client_secret=form-secret-3&a=b" },
      response: { status: 200, headers: {}, body: JSON.stringify({ webhook: { secret: "body-secret-4", secret_for_overridden_callback_urls: "cb-secret-5" } }) },
    });
    const later = r.redact("later: query-secret-1 header-secret-2 form-secret-3 body-secret-4 cb-secret-5 stays");
    expect(later).toBe(`later: ${Array(5).fill("[REDACTED]").join(" ")} stays`);
  });

  it("values captured under a secret-like name or by a secret-like path in any spelling, and no others", () => {
    const r = createRedactor([]);
    const values: Record<string, unknown> = { A: "captured-1", TOKEN: "captured-2", C: "captured-3", D: "captured-4", ID: "kept-id-5" };
    learnCaptures(r, [["A", { path: "$['access_token']" }], ["TOKEN", { path: "$.id" }], ["C", { path: "$..access_token" }],
      ["D", { path: '$["data"][0].password' }], ["ID", { path: "$.id" }]], (name) => values[name]);
    expect(r.redact("captured-1 captured-2 captured-3 captured-4 kept-id-5")).toBe("[REDACTED] [REDACTED] [REDACTED] [REDACTED] kept-id-5");
  });

  it("values written in suites, --var and environment files", () => {
    const suite = {
      name: "S", variables: { WEBHOOK_SECRET: "suite-var-1", NAME: "plain-name" }, setup: [], teardown: [],
      steps: [{ name: "a", fieldPos: { "headers.Authorization#key": { file: "suites/s.yaml", line: 1, column: 1 } }, body: { callback_settings: { secret_for_overridden_callback_urls: "suite-body-2" } }, headers: { Authorization: "Basic suite-hdr-3" },
        expect: { body: { "$.secret": { eq: "suite-expect-4" } } }, capture: { TOKEN: "$.access_token" } }],
    };
    const plan = { items: [{ suite }, { suite }] } as unknown as Plan;
    const r = createRedactor([]);
    learnRunInputs(r, { plan, runVariables: { API_KEY: "var-5" }, regionVariables: { eu: { CLIENT_SECRET: "env-6", REGION: "eu" } } });
    const text = "suite-var-1 suite-body-2 suite-hdr-3 suite-expect-4 var-5 env-6 | plain-name $.access_token eu suites/s.yaml";
    expect(r.redact(text)).toBe(`${Array(6).fill("[REDACTED]").join(" ")} | plain-name $.access_token eu suites/s.yaml`);
  });
});
