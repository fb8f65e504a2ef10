import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveCacheDir } from "../load/disk-cache";
import { FIXTURES } from "./runner-bench";

const PACKAGE_ROOT = join(__dirname, "..", "..");
const CLI = join(PACKAGE_ROOT, "dist", "cli", "main.js");

/** Median wall times of a series of spawns. */
export interface ColdStartSeries {
  medianMs: number;
  runs: number[];
  exitCodes: number[];
}

/** Warm (cache filled by an earlier run), first run (cache emptied before each), and bare `node -e 0` for scale. */
export interface ColdStart extends ColdStartSeries {
  firstRun: ColdStartSeries;
  nodeFloor: ColdStartSeries;
}

function spawnOnce(args: string[], cwd: string, env: Record<string, string>): Promise<number> {
  // async: the benchmark server lives in this process and must keep answering while the child runs
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: "ignore" });
    child.on("error", reject);
    child.on("close", (code) => resolve(code ?? -1));
  });
}

async function series(times: number, spawnArgs: string[], cwd: string, env: Record<string, string>, before?: () => void): Promise<ColdStartSeries> {
  const runs: number[] = [];
  const exitCodes: number[] = [];
  for (let i = 0; i < times; i++) {
    before?.();
    const started = performance.now();
    const code = await spawnOnce(spawnArgs, cwd, env);
    runs.push(performance.now() - started);
    exitCodes.push(code);
  }
  const sorted = [...runs].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0, runs, exitCodes };
}

/**
 * `node dist/cli/main.js run <one-step suite> --target URL`, spawned `times` times each: first with the tool's
 * start-up cache (parsed collections, generated suite validator) emptied before every run, then warm.
 */
export async function measureColdStart(url: string, times: number): Promise<ColdStart> {
  const dir = mkdtempSync(join(tmpdir(), "cc-cold-"));
  const suite = join(dir, "one.yaml");
  writeFileSync(suite, "name: One step\nsteps:\n  - name: create\n    request: Things/Create thing\n    expect: { status: 200 }\n");
  const env = { PATH: process.env.PATH ?? "", SINCH_CLIENT_ID: "bench-id", SINCH_CLIENT_SECRET: "bench-secret", SINCH_PROJECT_ID: "bench", CI: "true" };
  const args = [CLI, "run", suite, "--target", url, "--collections", join(FIXTURES, "collections"), "--schemas", join(FIXTURES, "schemas"), "--out", join(dir, "reports")];
  const clearCache = () => {
    const cacheDir = resolveCacheDir(PACKAGE_ROOT);
    if (cacheDir !== undefined) rmSync(cacheDir, { recursive: true, force: true });
  };
  const nodeFloor = await series(times, ["-e", "0"], dir, env);
  const firstRun = await series(times, args, dir, env, clearCache);
  await spawnOnce(args, dir, env); // fills the cache
  const warm = await series(times, args, dir, env);
  return { ...warm, firstRun, nodeFloor };
}
