import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FIXTURES } from "./runner-bench";

const CLI = join(__dirname, "..", "..", "dist", "cli", "main.js");

/** Median wall time of `node dist/cli/main.js run <one-step suite> --target URL`, spawned `times` times. */
export function measureColdStart(url: string, times: number): { medianMs: number; runs: number[]; exitCodes: number[] } {
  const dir = mkdtempSync(join(tmpdir(), "cc-cold-"));
  const suite = join(dir, "one.yaml");
  writeFileSync(suite, "name: One step\nsteps:\n  - name: create\n    request: Things/Create thing\n    expect: { status: 200 }\n");
  const env = { PATH: process.env.PATH ?? "", SINCH_CLIENT_ID: "bench-id", SINCH_CLIENT_SECRET: "bench-secret", SINCH_PROJECT_ID: "bench", CI: "true" };
  const args = [CLI, "run", suite, "--target", url, "--collections", join(FIXTURES, "collections"), "--schemas", join(FIXTURES, "schemas"), "--out", join(dir, "reports")];
  const runs: number[] = [];
  const exitCodes: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: dir, env, stdio: "ignore" });
    runs.push(performance.now() - started);
    exitCodes.push(r.status ?? -1);
  }
  const sorted = [...runs].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0, runs, exitCodes };
}
