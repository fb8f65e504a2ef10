import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FIXTURES } from "./runner-bench";

const CLI = join(__dirname, "..", "..", "dist", "cli", "main.js");

function spawnOnce(args: string[], cwd: string, env: Record<string, string>): Promise<number> {
  // async: the benchmark server lives in this process and must keep answering while the child runs
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: "ignore" });
    child.on("error", reject);
    child.on("close", (code) => resolve(code ?? -1));
  });
}

/** Median wall time of `node dist/cli/main.js run <one-step suite> --target URL`, spawned `times` times. */
export async function measureColdStart(url: string, times: number): Promise<{ medianMs: number; runs: number[]; exitCodes: number[] }> {
  const dir = mkdtempSync(join(tmpdir(), "cc-cold-"));
  const suite = join(dir, "one.yaml");
  writeFileSync(suite, "name: One step\nsteps:\n  - name: create\n    request: Things/Create thing\n    expect: { status: 200 }\n");
  const env = { PATH: process.env.PATH ?? "", SINCH_CLIENT_ID: "bench-id", SINCH_CLIENT_SECRET: "bench-secret", SINCH_PROJECT_ID: "bench", CI: "true" };
  const args = [CLI, "run", suite, "--target", url, "--collections", join(FIXTURES, "collections"), "--schemas", join(FIXTURES, "schemas"), "--out", join(dir, "reports")];
  const runs: number[] = [];
  const exitCodes: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    const code = await spawnOnce(args, dir, env);
    runs.push(performance.now() - started);
    exitCodes.push(code);
  }
  const sorted = [...runs].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0, runs, exitCodes };
}
