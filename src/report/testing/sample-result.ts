import type { RunResult, StepResult, SuiteResult } from "../../model";

/** A step result with defaults, for tests and benchmarks of the reporters. */
export function sampleStep(over: Partial<StepResult> = {}): StepResult {
  return {
    name: "create contact",
    phase: "steps",
    file: "suites/contacts.yaml",
    line: 12,
    column: 5,
    outcome: "passed",
    request: "Contacts/Create contact",
    status: 200,
    durationMs: 42,
    attempts: [{ status: 200, durationMs: 42 }],
    flaky: false,
    failures: [],
    drift: [],
    ...over,
  };
}

/** A suite result holding the given steps. */
export function sampleSuite(steps: StepResult[], over: Partial<SuiteResult> = {}): SuiteResult {
  const bad = steps.some((s) => s.outcome === "failed" || s.outcome === "error");
  return {
    key: "contacts@us",
    suiteId: "contacts",
    name: "Contacts lifecycle",
    file: "suites/contacts.yaml",
    region: "us",
    outcome: bad ? "failed" : "passed",
    startedAt: "2026-01-02T03:04:05.678Z",
    durationMs: 1234,
    steps,
    ...over,
  };
}

/** A run result around the given suites, totals counted. */
export function sampleRun(suites: SuiteResult[]): RunResult {
  const steps = suites.flatMap((s) => s.steps);
  const n = (o: string) => steps.filter((s) => s.outcome === o).length;
  return {
    formatVersion: 1,
    tool: { name: "conversation-contract", version: "0.0.0-test" },
    target: "emulator",
    regions: ["us"],
    strict: false,
    startedAt: "2026-01-02T03:04:05.000Z",
    finishedAt: "2026-01-02T03:04:07.000Z",
    durationMs: 2000,
    totals: {
      suites: suites.length, steps: steps.length, passed: n("passed"), failed: n("failed"), errors: n("error"),
      skipped: n("skipped"), flaky: steps.filter((s) => s.flaky).length, drift: steps.reduce((a, s) => a + s.drift.length, 0),
    },
    suites,
  };
}

/** A run with one passing, one failing (schema violation + leaked secrets), one erroring and one skipped step. */
export function sampleMixedRun(secret: string, token: string): RunResult {
  const failing = sampleStep({
    name: "get contact",
    line: 30,
    outcome: "failed",
    request: "Contacts/Get contact",
    failures: [{
      kind: "schema", message: "response does not match contact", schema: "contact",
      violations: [{ instancePath: "/display_name", keyword: "type", schemaPath: "#/properties/display_name/type", message: "must be string", actual: "42" }],
    }],
    drift: [{ instancePath: "/extra_field", schema: "contact" }],
    exchange: {
      request: { method: "GET", url: `https://x.test/v1/c?secret=${secret}`, headers: { Authorization: `Bearer ${token}`, "x-note": `client ${secret}` } },
      response: { status: 200, headers: { "content-type": "application/json" }, body: `{"display_name":42,"token":"${token}"}` },
    },
  });
  const error = sampleStep({ name: "list contacts", line: 40, outcome: "error", status: undefined, attempts: [{ durationMs: 5, error: "ECONNREFUSED" }], error: { code: "CC_NETWORK_ERROR", message: "connect ECONNREFUSED 127.0.0.1:9" } });
  const skipped = sampleStep({ name: "delete contact", phase: "teardown", line: 50, outcome: "skipped", skipReason: "CONTACT was never captured", attempts: [] });
  const flaky = sampleStep({ name: "update contact", line: 20, flaky: true, attempts: [{ status: 503, durationMs: 3, retryReason: "503" }, { status: 200, durationMs: 4 }] });
  return sampleRun([sampleSuite([sampleStep(), flaky, failing, error, skipped])]);
}
