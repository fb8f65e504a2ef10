import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PlannedSuite, RunHeader, RunResult, StepRecord, SuiteRecord } from "../model";
import { createRedactor, fingerprint } from "../diagnostics";
import { readResults, type ResultsEntry } from "../gate/read-results";
import { createJsonReporter } from "./json-reporter";
import { createResultCollector } from "./result-collector";
import { sampleMixedRun, sampleRun, sampleStep, sampleSuite } from "./testing/sample-result";

const SECRET = "s3cr3t-client-value";
const TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
const HEADER: RunHeader = {
  tool: { name: "conversation-contract", version: "0.0.0-test" }, target: "emulator", regions: ["us"], apiVersion: "v1beta",
  strict: false, planFingerprint: "0123456789ab", startedAt: "2026-01-02T03:04:05.000Z",
};

const planned = (key: string, tags: string[] = []): PlannedSuite =>
  ({ key, region: "us", needs: [], suite: { tags } as unknown as PlannedSuite["suite"] });

async function entries(path: string): Promise<ResultsEntry[]> {
  const out: ResultsEntry[] = [];
  for await (const e of readResults(path)) out.push(e);
  return out;
}

function outDir(): string {
  return mkdtempSync(join(tmpdir(), "cc-json-"));
}

describe("json report (results.json v2)", () => {
  it("writes a finished result whole: header, one record per suite with step keys and fingerprints, footer; secrets redacted", async () => {
    const dir = outDir();
    await createJsonReporter({ outDir: dir, redactor: createRedactor([SECRET, TOKEN]) }).onRunEnd?.(sampleMixedRun(SECRET, TOKEN));
    const text = readFileSync(join(dir, "results.json"), "utf8");
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(TOKEN);
    const json = JSON.parse(text) as { formatVersion: number; header: RunHeader; suites: SuiteRecord[]; footer: { totals: unknown; interrupted: boolean } };
    expect(json.formatVersion).toBe(3);
    expect(json.header).toMatchObject({ target: "emulator", regions: ["us"], apiVersion: "v1", tool: { name: "conversation-contract" } });
    expect(json.header.planFingerprint).toMatch(/^[0-9a-f]{12}$/);
    expect(json.footer).toMatchObject({ totals: { steps: 5, failed: 1, errors: 1, skipped: 1 }, interrupted: false });
    const failing = json.suites[0]!.steps[2]! as StepRecord;
    expect(failing.key).toBe("contacts@us/steps/get contact");
    expect(failing.operationId).toBeNull();
    expect(failing.failures[0]!.fingerprint).toBe(fingerprint(["schema", failing.key, "", "contact"]));
    expect(failing.failures[0]!.violations![0]!.fingerprint).toBe(fingerprint(["violation:type", failing.key, "/display_name"]));
    expect(failing.drift[0]!.fingerprint).toBe(fingerprint(["drift", failing.key, "/extra_field"]));
    expect(failing.exchange!.request.headers.Authorization).toBe("[REDACTED]");
    expect(json.suites[0]!.steps[4]!.key).toBe("contacts@us/teardown/delete contact");
    expect((await entries(join(dir, "results.json"))).map((e) => e.type)).toEqual(["header", "suite", "end"]);
  });

  it("streams a run: the header at its start, each suite as it ends (with its tags), the footer last; interrupted when aborted", async () => {
    const dir = outDir();
    const controller = new AbortController();
    const reporter = createJsonReporter({ outDir: dir, redactor: createRedactor([SECRET]), header: HEADER, signal: controller.signal });
    const first = sampleSuite([sampleStep({ operationId: "Contacts/Create contact", shape: { $: "object", "$.id": "string" } })]);
    const second = sampleSuite([sampleStep({ error: { code: "CC_NETWORK_ERROR", message: `x ${SECRET}` }, outcome: "error" })], { key: "contacts@eu", region: "eu" });
    reporter.onRunStart?.({ items: [], regions: ["us", "eu"] });
    reporter.onSuiteEnd?.(planned(first.key, ["smoke"]), first);
    reporter.onSuiteEnd?.(planned(second.key), second);
    controller.abort();
    const cleanup = sampleSuite([sampleStep({ name: "nothing left behind" })], { key: "cleanup@all", region: "us,eu" });
    await reporter.onRunEnd?.(sampleRun([first, second, cleanup]));
    const text = readFileSync(join(dir, "results.json"), "utf8");
    expect(text.split("\n")[0]).toMatch(/^\{"formatVersion":3,"header":\{.*"apiVersion":"v1beta".*\},"suites":\[$/);
    expect(text).not.toContain(SECRET);
    const read = await entries(join(dir, "results.json"));
    const suites = read.flatMap((e) => (e.type === "suite" ? [e.suite] : []));
    expect(suites.map((s) => [s.key, s.tags])).toEqual([["contacts@us", ["smoke"]], ["contacts@eu", []], ["cleanup@all", []]]);
    expect(suites[0]!.steps[0]).toMatchObject({ operationId: "Contacts/Create contact", shape: { $: "object", "$.id": "string" } });
    expect(read.at(-1)).toMatchObject({ type: "end", truncated: false, footer: { interrupted: true, durationMs: 2000 } });
  });

  it("fails onRunEnd when the file cannot be written, without an unhandled rejection", async () => {
    const dir = outDir();
    writeFileSync(join(dir, "file"), "");
    const reporter = createJsonReporter({ outDir: join(dir, "file"), redactor: createRedactor([]), header: HEADER });
    reporter.onRunStart?.({ items: [], regions: ["us"] });
    const suite = sampleSuite([sampleStep()]);
    reporter.onSuiteEnd?.(planned(suite.key), suite);
    await expect(reporter.onRunEnd?.(sampleRun([suite]))).rejects.toMatchObject({ diagnostics: [{ code: "CC_REPORT_WRITE" }] });
  });

  it("collects finished suites into a partial result when a run stops early", () => {
    const collector = createResultCollector();
    const suite = sampleSuite([sampleStep(), sampleStep({ outcome: "failed" })]);
    collector.onSuiteEnd?.(planned(suite.key), suite);
    const partial: RunResult = collector.partial({ tool: { name: "t", version: "1" }, target: "emulator", regions: ["us"], strict: false, startedAt: new Date() });
    expect(partial.totals).toMatchObject({ suites: 1, steps: 2, passed: 1, failed: 1 });
  });
});
