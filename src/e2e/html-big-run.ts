import type { Plan, PlannedSuite, RunResult, StepResult, Suite, SuiteResult } from "../model";
import { createRedactor } from "../diagnostics";
import { createHtmlReporter } from "../report/html";
import { countTotals } from "../report/result-collector";

/** A step name that the browser test's text filter looks for: one step in every hundred carries it. */
export const PROBE = "probe-seven";
const REGIONS = ["us", "eu", "br"];
const REQUESTS = ["Contacts/Create contact", "Contacts/Get contact", "Messages/Send message", "Apps/Get app", "Conversations/Get conversation"];

function step(suite: string, i: number): StepResult {
  const failed = i % 97 === 13;
  const error = i % 211 === 17;
  const skipped = !failed && !error && i % 53 === 5;
  const flaky = !failed && !error && !skipped && i % 31 === 3;
  const durationMs = 5 + ((i * 7919) % 400) / 3;
  return {
    name: `step ${i}${i % 100 === 7 ? ` ${PROBE}` : ""}`, phase: "steps", file: `suites/${suite}.yaml`, line: 10 + (i % 100) * 6, column: 5,
    outcome: failed ? "failed" : error ? "error" : skipped ? "skipped" : "passed", request: REQUESTS[i % REQUESTS.length]!,
    ...(skipped || error ? {} : { status: 200 }), durationMs: skipped ? 0 : durationMs, flaky,
    attempts: skipped ? [] : flaky ? [{ status: 503, durationMs: 2, retryReason: "503" }, { status: 200, durationMs }] : [{ status: 200, durationMs }],
    failures: failed ? [{ kind: "schema", schema: "contact", message: "the body does not match schema contact (1 violation)",
      violations: [{ instancePath: "/language", keyword: "enum", schemaPath: "#/properties/language/enum", message: "must be equal to one of the allowed values", actual: '"XX"' }] }] : [],
    ...(error ? { error: { code: "CC_NETWORK_ERROR", message: "connect ECONNREFUSED 127.0.0.1:9" } } : {}),
    ...(skipped ? { skipReason: "CONTACT was never captured" } : {}),
    drift: i % 41 === 9 ? [{ instancePath: "/new_field", schema: "contact" }] : [],
    ...(failed ? { exchange: {
      request: { method: "GET", url: `http://127.0.0.1:9/v1/projects/p/contacts/${i}`, headers: { accept: "application/json" } },
      response: { status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify({ id: String(i), display_name: `QA ${i}`, language: "XX" }) },
    } } : {}),
  };
}

function suiteResult(s: number, stepsPerSuite: number, first: number): SuiteResult {
  const suiteId = `bulk-${Math.floor(s / REGIONS.length)}`;
  const region = REGIONS[s % REGIONS.length]!;
  const steps = Array.from({ length: stepsPerSuite }, (_, j) => step(suiteId, first + j));
  const bad = steps.some((x) => x.outcome === "failed" || x.outcome === "error");
  return {
    key: `${suiteId}@${region}`, suiteId, name: `Bulk suite ${Math.floor(s / REGIONS.length)}`, file: `suites/${suiteId}.yaml`, region,
    outcome: bad ? "failed" : "passed", startedAt: new Date(Date.UTC(2026, 0, 2, 3, 0, 0) + s * 900).toISOString(),
    durationMs: steps.reduce((n, x) => n + x.durationMs, 0), steps,
  };
}

/** Writes report.html for a run of `suites` x `stepsPerSuite` generated steps through the real reporter, event by event. */
export function writeBigReport(outDir: string, suites: number, stepsPerSuite: number): RunResult {
  const results = Array.from({ length: suites }, (_, s) => suiteResult(s, stepsPerSuite, s * stepsPerSuite));
  const items: PlannedSuite[] = results.map((r) => ({
    key: r.key, region: r.region, needs: [], suite: { tags: ["bulk", r.suiteId.endsWith("0") ? "tens" : "others"], setup: [], steps: [], teardown: [] } as unknown as Suite,
  }));
  const plan: Plan = { items, regions: REGIONS };
  const reporter = createHtmlReporter({ outDir, redactor: createRedactor([]), cwd: outDir });
  reporter.onRunStart!(plan);
  results.forEach((r, i) => reporter.onSuiteEnd!(items[i]!, r));
  const run: RunResult = {
    formatVersion: 1, tool: { name: "conversation-contract", version: "0.0.0-bench" }, target: "emulator", regions: REGIONS, strict: false,
    startedAt: results[0]!.startedAt, finishedAt: new Date(Date.UTC(2026, 0, 2, 3, 2, 0)).toISOString(), durationMs: 120_000,
    totals: countTotals(results), suites: results,
  };
  reporter.onRunEnd!(run);
  return run;
}
