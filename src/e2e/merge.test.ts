import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { GateReport, RunFooter, RunHeader, SuiteRecord } from "../model";
import { junitXsdErrors } from "../testdata/junit-xsd";
import { runBuiltCli } from "./cli-process";

const ROOT = resolve(__dirname, "..", "..");

interface Results {
  header: RunHeader;
  suites: SuiteRecord[];
  footer: RunFooter;
}

const readResults = (dir: string): Results => JSON.parse(readFileSync(join(dir, "results.json"), "utf8")) as Results;

/** A run of the main job (every suite, us and eu, the built-in emulator) into a fresh folder. */
async function mainJob(...args: string[]): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), "cc-merge-run-"));
  const r = await runBuiltCli(["run", ...args, "--out", out, "--reporter", "junit,json"], { cwd: ROOT, env: { CI: "true" } });
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return out;
}

function merge(...args: string[]) {
  const out = mkdtempSync(join(tmpdir(), "cc-merge-out-"));
  return runBuiltCli(["merge", ...args, "--out", out, "--no-color"], { cwd: ROOT, env: { CI: "true" } }).then((r) => ({ ...r, out }));
}

/** What a run says about each step, without times, ids or attempts: the content merged shards must share with a whole run. */
function content(results: Results): string[] {
  return results.suites.flatMap((s) => s.steps.map((step) => `${step.key} ${step.outcome} ${step.status ?? "-"} ${step.failures.length}`)).sort();
}

/** Each testcase's suite package, class and name, as a JUnit reader keys them. */
function testcases(xml: string): string[] {
  const cases: string[] = [];
  for (const suite of xml.split("<testsuite ").slice(1)) {
    const pkg = /package="([^"]*)"/.exec(suite)?.[1];
    for (const m of suite.matchAll(/<testcase name="([^"]*)" classname="([^"]*)"/g)) cases.push(`${pkg} ${m[2]} ${m[1]}`);
  }
  return cases;
}

describe("merge: shards of the main job against the emulator into one result (built CLI)", () => {
  let whole: string;
  let shards: string[];

  beforeAll(async () => {
    whole = await mainJob();
    shards = [];
    // balanced by the unsharded run's suite durations, as a CI pipeline would with the last nightly's results.json
    for (const shard of ["1/3", "2/3", "3/3"]) shards.push(await mainJob("--shard", shard, "--shard-timings", join(whole, "results.json")));
  }, 240_000);

  const shardFiles = (): string[] => shards.map((dir) => join(dir, "results.json"));

  it("writes one results.json, junit.xml and report.html with the content of an unsharded run", async () => {
    const r = await merge(...shardFiles());
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Merged 3 shards: /);
    const merged = readResults(r.out);
    const unsharded = readResults(whole);
    expect(merged.header.shard).toBeUndefined();
    expect(merged.header.planFingerprint).toBe(unsharded.header.planFingerprint);
    expect(content(merged)).toEqual(content(unsharded));
    expect(new Set(merged.suites.map((s) => s.key)).size).toBe(merged.suites.length);
    const { suites, steps, passed, failed, errors } = unsharded.footer.totals;
    expect(merged.footer.totals).toMatchObject({ suites, steps, passed, failed, errors });
    const xml = readFileSync(join(r.out, "junit.xml"), "utf8");
    expect(await junitXsdErrors(xml)).toEqual([]);
    const cases = testcases(xml);
    expect(cases).toHaveLength(steps);
    expect(new Set(cases).size).toBe(cases.length);
    const html = readFileSync(join(r.out, "report.html"), "utf8");
    expect(html).toContain(merged.suites[0]!.key);
    expect(html).not.toContain(`id="cc-gate"`);
  });

  it("refuses (exit 2, naming it) a shard missing, a shard given twice, a shard of another plan or tool version", async () => {
    const [one, two, three] = shardFiles() as [string, string, string];
    const missing = await merge(one, three);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("CC_SHARD_SET");
    expect(missing.stderr).toContain("shard 2/3 missing");
    const twice = await merge(one, two, two, three);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/shard 2\/3 is given twice/);

    const other = await mainJob("--region", "us", "--shard", "2/3");
    const otherPlan = await merge(one, join(other, "results.json"), three);
    expect(otherPlan.code).toBe(2);
    expect(otherPlan.stderr).toMatch(/results\.json:1:1/);
    expect(otherPlan.stderr).toMatch(/is a shard of another plan/);

    const untimed = await mainJob("--shard", "2/3");
    const otherSplit = await merge(one, join(untimed, "results.json"), three);
    expect(otherSplit.code).toBe(2);
    expect(otherSplit.stderr).toMatch(/split the plan differently/);

    const dir = mkdtempSync(join(tmpdir(), "cc-merge-version-"));
    const newer = join(dir, "results.json");
    const [head, ...rest] = readFileSync(two, "utf8").split("\n");
    const header = JSON.parse(`${head}]}`) as { header: RunHeader };
    writeFileSync(newer, [head!.replace(JSON.stringify(header.header.tool), JSON.stringify({ ...header.header.tool, version: "9.9.9" })), ...rest].join("\n"));
    const otherTool = await merge(one, newer, three);
    expect(otherTool.code).toBe(2);
    expect(otherTool.stderr).toMatch(/written by conversation-contract 9\.9\.9/);
    for (const refused of [missing, twice, otherPlan, otherSplit, otherTool]) expect(existsSync(join(refused.out, "results.json"))).toBe(false);
  }, 60_000);

  it("refuses a shard cut short (a killed job's results.json has no footer)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cc-merge-cut-"));
    const cut = join(dir, "results.json");
    const lines = readFileSync(shardFiles()[0]!, "utf8").trimEnd().split("\n");
    writeFileSync(cut, lines.slice(0, -1).join("\n") + "\n");
    const r = await merge(cut, ...shardFiles().slice(1));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/was cut short/);
  });

  it("--baseline gates the merged result, and the gate can fail it", async () => {
    const baseline = mkdtempSync(join(tmpdir(), "cc-merge-baseline-"));
    copyFileSync(join(whole, "results.json"), join(baseline, "results.json"));
    const passed = await merge(...shardFiles(), "--baseline", join(baseline, "results.json"), "--latency-floor-ms", "100000");
    expect(passed.code).toBe(0);
    const gate = JSON.parse(readFileSync(join(passed.out, "gate.json"), "utf8")) as GateReport;
    expect(gate.candidate.file).toBe(join(passed.out, "results.json"));
    expect(gate.verdict.passed).toBe(true);
    expect(readFileSync(join(passed.out, "report.html"), "utf8")).toContain(`id="cc-gate"`);

    const failed = await merge(...shardFiles(), "--baseline", join(baseline, "results.json"), "--min-steps", "100000");
    expect(failed.code).toBe(1);
  }, 60_000);
});
