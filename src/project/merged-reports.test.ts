import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRedactor } from "../diagnostics";
import { runFooter, runHeader, suiteRecord, tempDir } from "../gate/testing/records";
import type { RunResult, SuiteRecord } from "../model";
import { openMergedReports, writeReports } from "../report";

const header = runHeader();
const records: SuiteRecord[] = [
  suiteRecord("contacts", "us", [{ name: "create" }, { name: "get" }], { tags: ["smoke"] }),
  suiteRecord("apps", "eu", [{ name: "create app" }, { name: "read app", outcome: "failed", failures: [{ kind: "status", message: "expected 200, got 404" }] }, { name: "delete app", phase: "teardown" }]),
  suiteRecord("webhooks", "us", Array.from({ length: 250 }, (_, i) => ({ name: `step ${i}` }))),
];
const footer = runFooter({ totals: { suites: 3, steps: 255, passed: 254, failed: 1, errors: 0, skipped: 0, flaky: 0, drift: 0 } });

/** The same run handed to the reporters whole, as a library user with a finished result would. */
function wholeResult(): RunResult {
  const suites = records.map((record) => ({ ...record, steps: record.steps.map(({ operationId, ...step }) => (operationId === null ? step : { ...step, operationId })) }));
  return { formatVersion: 1, tool: header.tool, target: header.target, regions: header.regions, strict: header.strict, startedAt: header.startedAt, ...footer, suites };
}

describe("a merge's reports are written record by record (none held until the end)", () => {
  it("junit.xml and report.html hold what the reporters write from the whole run; GitHub is told the failed step", async () => {
    const merged = tempDir("cc-merged-");
    const whole = tempDir("cc-whole-");
    const annotations: string[] = [];
    const reports = openMergedReports({ outDir: merged, redactor: createRedactor([]), header, github: { annotate: (text) => annotations.push(text) } });
    for (const record of records) await reports.add(record);
    const outcome = await reports.finish(footer);
    expect(outcome.failures).toEqual([]);
    await writeReports(wholeResult(), { names: ["junit", "html"], outDir: whole, redactor: createRedactor([]), header });
    const junit = (dir: string) => readFileSync(join(dir, "junit.xml"), "utf8");
    expect(junit(merged)).toEqual(junit(whole));
    expect((junit(merged).match(/<testcase /g) ?? []).length).toBe(255);
    const html = (dir: string) => readFileSync(join(dir, "report.html"), "utf8");
    // a record's tags reach the page (a whole result handed to writeReports has no plan to take them from)
    expect(html(merged)).toContain('"tags":["smoke"]');
    expect(html(merged).replace('"tags":["smoke"]', '"tags":[]')).toEqual(html(whole));
    expect(annotations.join("")).toContain("read app");
    expect(annotations.join("")).not.toContain("create app");
  });
});
