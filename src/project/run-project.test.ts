import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { resolveConfig, type Config } from "../config";
import type { DiagnosticBatch } from "./diagnostic-sink";
import { runProject, type RunProjectOptions } from "./run-project";

const ROOT = resolve(__dirname, "..", "..");

function config(args: string[], cwd = ROOT): Config {
  const { config: resolved, diagnostics } = resolveConfig({ argv: ["run", ...args], env: {}, cwd });
  if (!resolved) throw new Error(diagnostics.map((d) => d.message).join("; "));
  return resolved;
}

/** runProject with the console and diagnostics recorded in one log, in the order they arrived. */
async function run(args: string[], over: Partial<RunProjectOptions> = {}) {
  const out = mkdtempSync(join(tmpdir(), "cc-project-"));
  const log: string[] = [];
  const batches: DiagnosticBatch[] = [];
  const outcome = await runProject({
    config: config([...args, "--out", out]), env: {},
    console: { write: (t) => log.push(`out: ${t}`), tty: false, color: false },
    onDiagnostics: (batch) => {
      batches.push(batch);
      log.push(...batch.diagnostics.map((d) => `diag: ${d.code}`));
    },
    ...over,
  });
  return { outcome, out, log, batches, printed: log.filter((l) => l.startsWith("out: ")).join("") };
}

function leakySuite(): string {
  const dir = mkdtempSync(join(tmpdir(), "cc-project-leak-"));
  const file = join(dir, "leaky.yaml");
  writeFileSync(file, "name: Leaky\nsteps:\n  - name: create\n    request: Contacts/Create contact\n    body: { channel_identities: [{ channel: SMS, identity: '46701112222' }], language: EN_US }\n");
  return file;
}

describe("runProject against the in-process emulator", () => {
  it("runs a project from code: reports written, console output through the given writer, status passed", async () => {
    const r = await run(["suites/contacts.yaml", "--region", "us"]);
    expect(r.outcome.status).toBe("passed");
    expect(r.outcome.diagnostics).toEqual([]);
    expect(r.outcome.result?.totals).toMatchObject({ suites: 1, failed: 0, errors: 0 });
    expect(r.outcome.result?.suites.map((s) => s.key)).toEqual(["contacts@us"]);
    expect(r.outcome.written).toEqual([join(r.out, "junit.xml"), join(r.out, "results.json")]);
    expect(JSON.parse(readFileSync(join(r.out, "results.json"), "utf8")).footer.totals.passed).toBe(r.outcome.result?.totals.passed);
    expect(r.printed).toContain("✓ Contacts lifecycle [us] suites/contacts.yaml");
    expect(r.printed).toMatch(/Reports: .*junit\.xml, .*results\.json\n$/);
  });

  it("fails the run with a cleanup record of its own naming the suite that left data behind, without counting an extra suite", async () => {
    const leaky = leakySuite();
    const r = await run([leaky, "suites/contacts.yaml", "--region", "us,eu", "--concurrency", "4"]);
    expect(r.outcome.status).toBe("failed");
    const suites = r.outcome.result!.suites;
    expect(suites.map((s) => [s.key, s.outcome]).sort()).toEqual([
      ["cleanup@all", "failed"], ["contacts@eu", "passed"], ["contacts@us", "passed"], ["leaky@eu", "passed"], ["leaky@us", "passed"],
    ]);
    expect(r.outcome.result?.totals.suites).toBe(4);
    const cleanup = suites.find((s) => s.key === "cleanup@all")!;
    expect(cleanup.steps.map((s) => s.name)).toEqual(["nothing left behind by leaky@eu", "nothing left behind by leaky@us"]);
    for (const [i, region] of ["eu", "us"].entries()) {
      const step = cleanup.steps[i]!;
      expect(step).toMatchObject({ phase: "teardown", outcome: "failed", file: leaky, line: 1 });
      expect(step.failures.map((f) => f.message)).toEqual([expect.stringMatching(new RegExp(`^1 contacts left in ${region} \\(project .*\\), created by leaky@${region} and never deleted$`))]);
    }
    expect(r.printed).toMatch(/nothing left behind by leaky@us/);
  });

  it("names the cleanup record after the shard, so shards' records never share a key", async () => {
    const leaky = leakySuite();
    const r = await run([leaky, "--region", "us", "--shard", "1/1"]);
    expect(r.outcome.status).toBe("failed");
    expect(r.outcome.result!.suites.map((s) => [s.key, s.name])).toEqual([
      ["leaky@us", "Leaky"], ["cleanup-shard-1-of-1@all", "Emulator state after shard 1/1"],
    ]);
  });

  it("is invalid before sending anything when a suite does not check, and hands the diagnostics over with their sources", async () => {
    const r = await run(["src/e2e/fixtures/suites/invalid.yaml", "--region", "us"]);
    expect(r.outcome).toMatchObject({ status: "invalid", written: [] });
    expect(r.outcome.result).toBeUndefined();
    expect(r.outcome.diagnostics.map((d) => d.code)).toEqual(["CC_UNKNOWN_REQUEST"]);
    expect(r.batches[0]?.sources?.get("src/e2e/fixtures/suites/invalid.yaml")).toContain("Things/Create thign");
    expect(r.printed).toBe("");
    expect(existsSync(join(r.out, "results.json"))).toBe(false);
  });

  it("is invalid when the filters select nothing: CC_NOTHING_SELECTED, nothing run, no report", async () => {
    const r = await run(["suites/contacts.yaml", "--tag", "smok"]);
    expect(r.outcome.status).toBe("invalid");
    expect(r.outcome.diagnostics).toEqual([expect.objectContaining({
      code: "CC_NOTHING_SELECTED", severity: "error", message: "no suite selected by tag smok, region us,eu among 1 suite(s); nothing was run", hint: "tag smok: did you mean smoke?",
    })]);
    expect(r.printed).toBe("");
    expect(existsSync(join(r.out, "results.json"))).toBe(false);
  });

  it("warns that a shard holds nothing, writes the (empty) reports and passes", async () => {
    const shards = await Promise.all([1, 2].map((index) => run(["suites/contacts.yaml", "--region", "us", "--shard", `${index}/2`])));
    const empty = shards.find((r) => r.outcome.result?.suites.length === 0)!;
    expect(empty.outcome.status).toBe("passed");
    expect(empty.outcome.diagnostics).toEqual([expect.objectContaining({ code: "CC_EMPTY_SHARD", severity: "warning" })]);
    expect(existsSync(join(empty.out, "results.json"))).toBe(true);
  });

  it("could not run when interrupted: teardowns ran, reports hold what finished, the reason comes last", async () => {
    const controller = new AbortController();
    controller.abort();
    const r = await run(["suites/contacts.yaml", "--region", "us"], { signal: controller.signal });
    expect(r.outcome.status).toBe("could-not-run");
    expect(r.outcome.diagnostics.at(-1)).toMatchObject({ code: "CC_INTERRUPTED" });
    expect(r.log.at(-1)).toBe("diag: CC_INTERRUPTED");
    expect(existsSync(join(r.out, "results.json"))).toBe(true);
    // no cleanup check on an interrupted run: what it left is not the suites' fault
    expect(r.outcome.result?.suites.some((s) => s.suiteId === "cleanup")).toBe(false);
  });

  it("could not run when a report cannot be written, and the other reports are still written", async () => {
    const out = mkdtempSync(join(tmpdir(), "cc-project-blocked-"));
    mkdirSync(join(out, "junit.xml"));
    const outcome = await runProject({ config: config(["suites/contacts.yaml", "--region", "us", "--reporter", "junit,json", "--out", out]), env: {} });
    expect(outcome.status).toBe("could-not-run");
    expect(outcome.diagnostics).toEqual([expect.objectContaining({ code: "CC_REPORT_WRITE", message: expect.stringMatching(/^could not write a report: /) })]);
    expect(outcome.written).toEqual([join(out, "results.json")]);
  });

  it("is invalid, without running, when the console reporter is named but no console output is given", async () => {
    const r = await run(["suites/contacts.yaml", "--region", "us"], { console: undefined });
    expect(r.outcome.status).toBe("invalid");
    expect(r.outcome.diagnostics).toEqual([expect.objectContaining({ code: "CC_BAD_OPTION", message: 'reporter "console" has nowhere to write' })]);
    expect(existsSync(join(r.out, "results.json"))).toBe(false);
  });

  it("is invalid when the plan cannot be built: a needed suite that does not run in a region of the run", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cc-project-needs-"));
    const step = "steps:\n  - name: list\n    request: Contacts/List contacts\n";
    writeFileSync(join(dir, "app.yaml"), `name: App\nregions: [us]\n${step}`);
    writeFileSync(join(dir, "user.yaml"), `name: User\nneeds: [app]\n${step}`);
    const r = await run([dir, "--region", "us,eu"]);
    expect(r.outcome.status).toBe("invalid");
    expect(r.outcome.diagnostics).toEqual([expect.objectContaining({ code: "CC_UNKNOWN_NEED", message: 'suite "user@eu" needs "app@eu", which does not run in region eu' })]);
    expect(r.batches[0]?.sources?.has(join(dir, "user.yaml"))).toBe(true);
    expect(r.printed).toBe("");
  });
});
