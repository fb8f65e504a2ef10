import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { resolveConfig } from "../config";
import { readResults } from "../gate/read-results";
import type { SuiteRecord, SuiteResult } from "../model";
import { buildJunitXml } from "../report/junit-xml";
import { toSuiteRecord } from "../report/suite-record";
import { runProject } from "./run-project";

const ROOT = resolve(__dirname, "..", "..");
const LIST = "  - name: list {N}\n    request: Contacts/List contacts\n    expect: { status: 200 }\n";

/** Suites that finish in another order than the plan's (a long one first), two that fail, one that leaves a contact behind. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "cc-release-"));
  writeFileSync(join(dir, "a-long.yaml"), `name: Long\nsteps:\n${[1, 2, 3, 4, 5, 6].map((n) => LIST.replace("{N}", String(n))).join("")}`);
  writeFileSync(join(dir, "b-fails.yaml"), "name: Fails\nsteps:\n  - name: wrong status\n    request: Contacts/List contacts\n    expect: { status: 201 }\n  - name: never runs\n    request: Contacts/List contacts\n");
  writeFileSync(join(dir, "c-leaks.yaml"), "name: Leaks\nsteps:\n  - name: create\n    request: Contacts/Create contact\n    body: { channel_identities: [{ channel: SMS, identity: '46701112222' }], language: EN_US }\n    expect: { body: { $.language: FR } }\n");
  return dir;
}

async function run(dir: string, keepResults: boolean, regions = "us,eu") {
  const out = mkdtempSync(join(tmpdir(), "cc-release-out-"));
  const argv = ["run", dir, "--region", regions, "--concurrency", "4", "--reporter", "console,junit,json,html", "--out", out];
  const { config } = resolveConfig({ argv, env: {}, cwd: ROOT });
  const printed: string[] = [];
  const outcome = await runProject({ config: config!, env: {}, keepResults, console: { write: (t) => printed.push(t), tty: false, color: false } });
  const read = (name: string) => readFileSync(join(out, name), "utf8");
  return { outcome, printed: printed.join(""), junit: read("junit.xml"), results: read("results.json"), html: read("report.html"), files: readdirSync(out).sort(), out };
}

/** Times, durations, ids, ports and host names differ from run to run; nothing else may. */
function steady(text: string): string {
  return text
    .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z?/g, "<date>")
    .replace(/\w{3}, \d\d \w{3} \d{4} [\d:]+ GMT/g, "<date>")
    .replace(/[0-9A-HJKMNP-TV-Z]{26}/g, "<id>")
    .replace(/127\.0\.0\.1:\d+/g, "<host>")
    .replace(/cc-release-out-\w+/g, "<out>")
    .replace(/(time|hostname)="[^"]*"/g, '$1=""')
    .replace(/"durationMs":[\d.]+/g, '"durationMs":0')
    .replace(/\b\d+(\.\d+)?(ms|s)\b/g, "<t>");
}

/** A JSON value with what differs from run to run taken out. */
function steadyValue(value: unknown): unknown {
  return JSON.parse(steady(JSON.stringify(value)));
}

/** results.json's records in the order suites finished, sorted by key (that order is the run's, not the report's). */
function records(results: string): string[] {
  return results.split("\n").slice(1, -2).map((line) => steady(line.replace(/^,/, ""))).sort();
}

describe("a run that keeps no suite's results (the CLI's run)", () => {
  it("writes the same reports, summary and verdict as a run that keeps them all, and holds only the cleanup record", async () => {
    const dir = project();
    const [kept, released] = [await run(dir, true), await run(dir, false)];
    expect(released.outcome.status).toBe("failed");
    expect(released.outcome.status).toBe(kept.outcome.status);
    expect(released.outcome.diagnostics).toEqual(kept.outcome.diagnostics);
    expect(released.outcome.result?.totals).toEqual(kept.outcome.result?.totals);
    expect(kept.outcome.result?.suites).toHaveLength(7);
    expect(released.outcome.result?.suites.map((s) => s.key)).toEqual(["cleanup@all"]);

    expect(steady(released.junit)).toBe(steady(kept.junit));
    expect([...released.junit.matchAll(/<testsuite name="([^"]*)"/g)].map((m) => m[1])).toEqual([
      "Long [us]", "Long [eu]", "Fails [us]", "Fails [eu]", "Leaks [us]", "Leaks [eu]", "Emulator state after the run [all]",
    ]);
    expect(records(released.results)).toEqual(records(kept.results));
    const summary = (printed: string) => steady(printed.slice(printed.indexOf("\nFailures (")));
    expect(summary(released.printed)).toBe(summary(kept.printed));
    expect(released.printed).toContain("Failures (6):");
    expect(released.printed).toMatch(/Suites: {2}2 passed, 5 failed \(6\)/);
    expect(released.html.match(/class="cc-suite"/g)).toHaveLength(7);
  });

  it("writes the same reports for a suite far longer than what a report holds in memory, and leaves no part file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cc-release-"));
    const steps = Array.from({ length: 800 }, (_, i) => LIST.replace("{N}", String(i))).join("");
    writeFileSync(join(dir, "many.yaml"), `name: Many\nsteps:\n${steps}  - name: wrong status\n    request: Contacts/List contacts\n    expect: { status: 201 }\n`);
    const [kept, released] = [await run(dir, true, "us"), await run(dir, false, "us")];
    expect(released.outcome.status).toBe("failed");
    expect(released.outcome.result?.totals).toEqual(kept.outcome.result?.totals);
    expect(released.outcome.result?.totals).toMatchObject({ steps: 801, passed: 800, failed: 1 });
    // more of each report's text than a report buffers for a suite (64 KiB): the rest went through its part file
    for (const text of [released.results, released.html, released.junit]) expect(text.length).toBeGreaterThan(65536);
    expect(steady(released.junit)).toBe(steady(kept.junit));
    expect(records(released.results)).toEqual(records(kept.results));
    expect(steady(released.html)).toBe(steady(kept.html));
    expect(released.html).toContain('"excerpts":[{"step":800,');
    expect(steady(released.printed)).toBe(steady(kept.printed));
    expect(released.printed).toContain("1 of 801 steps failed");
    expect(released.files).toEqual(["junit.xml", "report.html", "results.json"]);

    // both runs' reporters took the steps as they came: what a whole result makes, without spools, is the measure
    const suites = kept.outcome.result!.suites;
    expect(steady(released.junit)).toBe(steady(buildJunitXml(kept.outcome.result!, { hostname: "h" })));
    const record = (suite: SuiteResult): SuiteRecord => JSON.parse(JSON.stringify(toSuiteRecord(suite, []))) as SuiteRecord;
    const read: SuiteRecord[] = [];
    for await (const entry of readResults(join(released.out, "results.json"))) if (entry.type === "suite") read.push(entry.suite);
    expect(read.map(steadyValue)).toEqual(suites.map((s) => steadyValue(record(s)))); // results.json puts a step's shape last: keys in any order
    const blocks = [...released.html.matchAll(/<script type="application\/json" class="cc-suite">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as { suite: SuiteRecord });
    expect(blocks.map((b) => steady(JSON.stringify(b.suite)))).toEqual(suites.map((s) => steady(JSON.stringify(record(s)))));
    expect(blocks.map((b) => b.suite.steps.length)).toEqual([801]);
  });
});
