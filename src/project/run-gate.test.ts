import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { resolveConfig } from "../config";
import { tempDir } from "../gate/testing/records";
import type { DiagnosticBatch } from "./diagnostic-sink";
import { runProject, type ProjectRunOutcome } from "./run-project";

const ROOT = resolve(__dirname, "..", "..");
/** The emulator's timings measure a busy machine, not an API: no latency verdict below a second here. */
const FLOOR = ["--latency-floor-ms", "1000"];

/** `run ...args` from the package root with the console and diagnostics recorded. */
async function run(args: string[], env: Record<string, string> = {}): Promise<ProjectRunOutcome & { printed: string; batches: DiagnosticBatch[] }> {
  const { config, diagnostics } = resolveConfig({ argv: ["run", ...args], env, cwd: ROOT });
  if (!config) throw new Error(diagnostics.map((d) => d.message).join("; "));
  let printed = "";
  const batches: DiagnosticBatch[] = [];
  const outcome = await runProject({
    config, env, console: { write: (t) => (printed += t), tty: false, color: false }, onDiagnostics: (b) => batches.push(b),
  });
  return { ...outcome, printed, batches };
}

let baseline: string;
beforeAll(async () => {
  const dir = tempDir("cc-baseline-");
  const r = await run(["suites/contacts.yaml", "suites/webhooks.yaml", "--region", "us", "--out", dir, "--reporter", "json"]);
  expect(r.status).toBe("passed");
  baseline = join(tempDir("cc-baseline-copy-"), "baseline.json");
  copyFileSync(join(dir, "results.json"), baseline);
}, 60_000);

describe("run --baseline FILE", () => {
  it("runs, then gates the run's results.json against the baseline: an unchanged run passes", async () => {
    const out = tempDir("cc-gated-");
    const r = await run(["suites/contacts.yaml", "suites/webhooks.yaml", "--region", "us", "--out", out, "--baseline", baseline, "--reporter", "json", ...FLOOR]);
    expect(r.status).toBe("passed");
    expect(r.gate?.findings).toEqual([]);
    expect(r.written).toEqual([join(out, "results.json"), join(out, "gate.json"), join(out, "gate.md"), join(out, "gate.xml")]);
    expect(r.printed).toMatch(/gate passed: 0 regressions, 0 changes, 0 improvements\n/);
  }, 60_000);

  it("fails (exit 1) when a suite of the baseline did not run, even though every step that ran passed", async () => {
    const out = tempDir("cc-gated-");
    const r = await run(["suites/contacts.yaml", "--region", "us", "--out", out, "--baseline", baseline, ...FLOOR]);
    expect(r.result?.totals).toMatchObject({ failed: 0, errors: 0 });
    expect(r.status).toBe("failed");
    expect(r.gate?.findings.filter((f) => f.severity === "regression").map((f) => [f.class, f.suiteKey])).toEqual([["suite-missing", "webhooks@us"]]);
    expect(JSON.parse(readFileSync(join(out, "gate.json"), "utf8")).verdict.passed).toBe(false);
  }, 60_000);

  it("checks the gate's input before anything runs: a file that is not results, an invalid accept file", async () => {
    const dir = tempDir("cc-gated-");
    writeFileSync(join(dir, "notes.json"), '{"not":"results"}\n');
    writeFileSync(join(dir, "accept.yaml"), "accept:\n  - fingerprint: abc\n    reason: r\n    until: 2026-01-01\n");
    const out = join(dir, "out");
    const notResults = await run(["suites/contacts.yaml", "--region", "us", "--out", out, "--baseline", join(dir, "notes.json")]);
    expect(notResults.status).toBe("invalid");
    expect(notResults.batches[0]?.diagnostics.map((d) => d.code)).toEqual(["CC_NOT_RESULTS"]);
    const badAccept = await run(["suites/contacts.yaml", "--region", "us", "--out", out, "--baseline", baseline, "--accept", join(dir, "accept.yaml")]);
    expect(badAccept.diagnostics.map((d) => [d.code, d.line])).toEqual([["CC_BAD_ACCEPT", 2]]);
    expect(existsSync(out)).toBe(false);
  });

  it("refuses a baseline the run would overwrite, and a run without the json reporter", async () => {
    const dir = tempDir("cc-gated-");
    copyFileSync(baseline, join(dir, "results.json"));
    const same = await run(["suites/contacts.yaml", "--out", dir, "--baseline", join(dir, "results.json")]);
    expect(same.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining("is the results.json this run is about to write")]);
    const noJson = await run(["suites/contacts.yaml", "--out", dir, "--baseline", baseline, "--reporter", "junit"]);
    expect(noJson.diagnostics.map((d) => d.hint)).toEqual(["add json: --reporter junit,json"]);
    expect(readFileSync(join(dir, "results.json"), "utf8")).toBe(readFileSync(baseline, "utf8"));
  });

  it("does not gate a run that could not happen: the run's status stands (exit 3)", async () => {
    const out = tempDir("cc-gated-");
    const env = { SINCH_CLIENT_ID: "id", SINCH_CLIENT_SECRET: "secret-value-1", SINCH_PROJECT_ID: "p" };
    const r = await run(["suites/contacts.yaml", "--target", "http://127.0.0.1:1", "--retries", "0", "--out", out, "--baseline", baseline], env);
    expect(r.status).toBe("could-not-run");
    expect(r.gate).toBeUndefined();
    expect(existsSync(join(out, "gate.json"))).toBe(false);
  });
});
