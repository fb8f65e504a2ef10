import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RequestStep, RequestTemplate, RunEvents, Suite } from "../model";
import { createRedactor } from "../diagnostics";
import { loadCollections } from "../load";
import { parseCollection } from "../parse";
import { loadContract } from "../contract";
import { buildPlan } from "../plan";
import { runPlan } from "../execute";
import { createJsonReporter, createJunitReporter } from "../report";

/** Where the benchmark finds the end-to-end fixture collection and schemas (the same create/get API). */
export const FIXTURES = join(__dirname, "..", "..", "src", "e2e", "fixtures");

function step(i: number): RequestStep {
  const create = i % 2 === 0;
  const pos = { file: "bench.yaml", line: i + 1, column: 1 };
  return {
    kind: "request", name: `${create ? "create" : "get"} ${i}`, phase: "steps", index: i, pos, fieldPos: {},
    request: create ? "Things/Create thing" : "Things/Get thing",
    query: {}, headers: {},
    ...(create ? { body: { name: `thing ${i}` } } : {}),
    expect: { status: 200, headers: {}, body: {} },
    capture: create ? { THING: "$.id" } : {},
  };
}

/** A suite of `count` chained steps, built in code: create (capture THING), get, create, get... */
export function benchSuite(count: number, id = "bench"): Suite {
  const pos = { file: "bench.yaml", line: 1, column: 1 };
  return {
    file: "bench.yaml", id, name: `Benchmark ${id}`, tags: [], auth: "oauth2", needs: [], exports: [], variables: {},
    setup: [], steps: Array.from({ length: count }, (_, i) => step(i)), teardown: [], pos, fieldPos: {},
  };
}

/** Loads the fixture collection and contract once, outside the timed part. */
export function loadBenchProject(): { requests: Map<string, RequestTemplate>; contract: ReturnType<typeof loadContract>["contract"] } {
  const requests = new Map<string, RequestTemplate>();
  for (const c of loadCollections(join(FIXTURES, "collections")).collections) {
    for (const [id, t] of parseCollection(c.json, c.file).requests) requests.set(id, t);
  }
  const { contract, diagnostics } = loadContract(join(FIXTURES, "schemas"));
  if (diagnostics.some((d) => d.severity === "error")) throw new Error(`bench fixtures: ${diagnostics[0]?.message}`);
  return { requests, contract };
}

/** What runRunner runs: `suites` suites of `steps` chained steps each, `concurrency` at a time. */
export interface RunnerJob {
  suites: number;
  steps: number;
  concurrency: number;
}

/** Runs the suites through runPlan with JUnit and JSON reports; returns wall ms and the outcome. */
export async function runRunner(url: string, job: RunnerJob): Promise<{ ms: number; reportMs: { junit: number; json: number }; passed: number; steps: number }> {
  const { requests, contract } = loadBenchProject();
  const target = { region: "us", baseUrl: url, authUrl: url, templateBaseUrl: url, projectId: "bench", clientId: "bench-id", clientSecret: "bench-secret" };
  const outDir = mkdtempSync(join(tmpdir(), "cc-bench-"));
  const redactor = createRedactor([target.clientSecret]);
  const reportMs = { junit: 0, json: 0 };
  // a reporter's time on the run's thread: its events as a run sends them (results.json streams from onRunStart)
  const timed = (name: keyof typeof reportMs, l: RunEvents): RunEvents => ({
    onRunStart: (plan) => time(name, () => l.onRunStart?.(plan)),
    onStepResult: (item, step) => time(name, () => l.onStepResult?.(item, step)),
    onSuiteEnd: (item, suite) => time(name, () => l.onSuiteEnd?.(item, suite)),
    onRunEnd: async (r) => {
      const t = performance.now();
      await l.onRunEnd?.(r);
      reportMs[name] += performance.now() - t;
    },
  });
  const time = (name: keyof typeof reportMs, event: () => void): void => {
    const t = performance.now();
    event();
    reportMs[name] += performance.now() - t;
  };
  const header = {
    tool: { name: "conversation-contract", version: "bench" }, target: url, regions: ["us"], apiVersion: "v1", strict: false,
    planFingerprint: "000000000000", startedAt: new Date().toISOString(),
  };
  const started = performance.now();
  const result = await runPlan({
    plan: buildPlan(Array.from({ length: job.suites }, (_, i) => benchSuite(job.steps, `bench-${i}`)), { regions: ["us"] }), requests, contract, targets: { us: target },
    options: { concurrency: job.concurrency, bail: false, strict: false, requestTimeoutMs: 10_000, backoff: { attempts: 1, baseDelayMs: 10, maxDelayMs: 10, maxTotalMs: 10_000 } },
    listeners: [timed("junit", createJunitReporter({ outDir, redactor })), timed("json", createJsonReporter({ outDir, redactor, header }))],
    target: url, toolVersion: "bench",
  });
  const ms = performance.now() - started;
  rmSync(outDir, { recursive: true, force: true }); // hundreds of rounds must not leave hundreds of report folders
  return { ms, reportMs, passed: result.totals.passed, steps: result.totals.steps };
}
