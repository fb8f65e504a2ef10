import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** What one measured child process took. */
export interface ProcessMeasure {
  ms: number;
  code: number;
  /** the child's own peak RSS in MiB (from process-probe.js) */
  maxRssMiB: number;
  /** CommonJS modules the child loaded (node -e 0 loads none) */
  modules: number;
}

const PROBE = join(__dirname, "process-probe.js");

/**
 * `node --require process-probe.js ...args`: wall time from spawn to close, exit code and peak RSS. Async, so a
 * benchmark server in this process keeps answering while the child runs.
 */
export async function spawnMeasured(args: string[], cwd: string, env: Record<string, string>): Promise<ProcessMeasure> {
  const dir = mkdtempSync(join(tmpdir(), "cc-probe-"));
  const probeFile = join(dir, "rss");
  try {
    const started = performance.now();
    const code = await new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, ["--require", PROBE, ...args], { cwd, env: { ...env, CC_BENCH_PROBE_FILE: probeFile }, stdio: "ignore" });
      child.on("error", reject);
      child.on("close", (exit) => resolve(exit ?? -1));
    });
    const ms = performance.now() - started;
    try {
      const probe = JSON.parse(readFileSync(probeFile, "utf8")) as { maxRssKiB: number; modules: number };
      return { ms, code, maxRssMiB: probe.maxRssKiB / 1024, modules: probe.modules };
    } catch {
      // the child died before its exit handler ran: no figure rather than a wrong one
      return { ms, code, maxRssMiB: NaN, modules: NaN };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The median of a list of numbers (the upper middle one of an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}
