import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { SuiteRecord } from "../model";
import { runBuiltCli } from "./cli-process";

const ROOT = resolve(__dirname, "..", "..");

async function run(args: string[]) {
  const out = mkdtempSync(join(tmpdir(), "cc-auth-"));
  const r = await runBuiltCli(["run", ...args, "--reporter", "json", "--out", out], { cwd: ROOT, env: { CI: "true" } });
  const { suites } = JSON.parse(readFileSync(join(out, "results.json"), "utf8")) as { suites: SuiteRecord[] };
  const failed = suites.flatMap((s) => s.steps.filter((step) => step.outcome !== "passed").map((step) => `${s.key}: ${step.name}: ${step.outcome}`));
  return { ...r, failed };
}

describe("run --auth regional|global against the in-process emulator (built CLI, real token manager)", () => {
  it("regional (the default): a US token is refused in the EU", async () => {
    const r = await run(["suites/errors-region.yaml"]);
    expect(r.failed).toEqual([]);
    expect(r.code).toBe(0);
  }, 60_000);

  it("global: the tokens come from the global endpoint, so the EU accepts the US run's token and that step fails", async () => {
    const r = await run(["suites/errors-region.yaml", "--auth", "global"]);
    expect(r.failed).toEqual([
      "errors-region@us: the US token is refused in the EU: failed",
      "errors-region@us: the US app does not exist in the EU (Basic auth works in every region): skipped",
    ]);
    expect(r.code).toBe(1);
  }, 60_000);

  it("global: the other suites run green in every region, leaving out the regional rule's suite by its tag", async () => {
    const r = await run(["suites/contacts.yaml", "suites/errors-region.yaml", "suites/templates-v1.yaml", "--auth", "global", "--exclude-tag", "regional-auth", "--region", "us,eu,br"]);
    expect(r.failed).toEqual([]);
    expect(r.code).toBe(0);
  }, 60_000);
});
