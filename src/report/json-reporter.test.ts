import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRedactor } from "../diagnostics";
import { createJsonReporter } from "./json-reporter";
import { createResultCollector } from "./result-collector";
import { sampleMixedRun, sampleStep, sampleSuite } from "./testing/sample-result";

const SECRET = "s3cr3t-client-value";
const TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

describe("json report", () => {
  it("writes the RunResult with formatVersion 1, secrets redacted", () => {
    const outDir = mkdtempSync(join(tmpdir(), "cc-json-"));
    createJsonReporter({ outDir, redactor: createRedactor([SECRET, TOKEN]) }).onRunEnd?.(sampleMixedRun(SECRET, TOKEN));
    const text = readFileSync(join(outDir, "results.json"), "utf8");
    const json = JSON.parse(text);
    expect(json.formatVersion).toBe(1);
    expect(json.totals).toMatchObject({ steps: 5, failed: 1, errors: 1, skipped: 1 });
    expect(json.suites[0].steps[2].exchange.request.headers.Authorization).toBe("[REDACTED]");
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(TOKEN);
  });

  it("replaces an older report only once the new one is complete", () => {
    const outDir = mkdtempSync(join(tmpdir(), "cc-json-"));
    writeFileSync(join(outDir, "results.json"), "old");
    const reporter = createJsonReporter({ outDir: join(outDir, "results.json", "x"), redactor: createRedactor([]) });
    expect(() => reporter.onRunEnd?.(sampleMixedRun(SECRET, TOKEN))).toThrow();
    expect(readFileSync(join(outDir, "results.json"), "utf8")).toBe("old");
  });

  it("collects finished suites into a partial result when a run stops early", () => {
    const collector = createResultCollector();
    const suite = sampleSuite([sampleStep(), sampleStep({ outcome: "failed" })]);
    collector.onSuiteEnd?.({ key: suite.key, region: "us", needs: [], suite: {} as never }, suite);
    const partial = collector.partial({ tool: { name: "t", version: "1" }, target: "emulator", regions: ["us"], strict: false, startedAt: new Date() });
    expect(partial.totals).toMatchObject({ suites: 1, steps: 2, passed: 1, failed: 1 });
  });
});
