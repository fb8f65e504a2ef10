import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveCacheDir } from "../load/cache-dir";
import { fmt, infoFigure, ratio, targetFigure, type Figure } from "./figures";
import { FIXTURES } from "./runner-bench";
import { median, spawnMeasured, type ProcessMeasure } from "./spawn-measured";

const PACKAGE_ROOT = join(__dirname, "..", "..");
const CLI = join(PACKAGE_ROOT, "dist", "cli", "main.js");
const FLOOR = join(__dirname, "floor-process.js");
/** What "flat in the number of steps" is taken to mean: 100,000 more steps cost less than 25 MiB. */
const FLAT_KIB_PER_STEP = 0.25;
const ENV = { PATH: process.env.PATH ?? "", SINCH_CLIENT_ID: "bench-id", SINCH_CLIENT_SECRET: "bench-secret", SINCH_PROJECT_ID: "bench", CI: "true" };

/** A suite of `count` chained steps in YAML: create (capture THING), get it, create, get... */
export function chainedSuiteYaml(count: number): string {
  const lines = ["name: Chained", "steps:"];
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0) lines.push(`  - name: create ${i}`, "    request: Things/Create thing", `    body: { name: "thing ${i}" }`, "    expect: { status: 200 }", "    capture: { THING: $.id }");
    else lines.push(`  - name: get ${i}`, "    request: Things/Get thing", "    expect: { status: 200 }");
  }
  return `${lines.join("\n")}\n`;
}

/** A temp folder with a suite of `steps` chained steps, and the CLI arguments that run it against `url`. */
function cliJob(url: string, steps: number): { dir: string; args: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "cc-bench-cli-"));
  const suite = join(dir, `chained-${steps}.yaml`);
  writeFileSync(suite, chainedSuiteYaml(steps));
  const args = [CLI, "run", suite, "--target", url, "--collections", join(FIXTURES, "collections"), "--schemas", join(FIXTURES, "schemas"), "--out", join(dir, "reports")];
  return { dir, args };
}

function clearStartupCache(): void {
  const cacheDir = resolveCacheDir(PACKAGE_ROOT);
  if (cacheDir !== undefined) rmSync(cacheDir, { recursive: true, force: true });
}

async function series(times: number, args: string[], cwd: string, before?: () => void): Promise<ProcessMeasure[]> {
  const runs: ProcessMeasure[] = [];
  for (let i = 0; i < times; i++) {
    before?.();
    runs.push(await spawnMeasured(args, cwd, ENV));
  }
  return runs;
}

/** Exit codes other than 0, said as problems: a failed run is never fast enough. */
function failures(label: string, runs: ProcessMeasure[]): string[] {
  return runs.flatMap((r, i) => (r.code === 0 ? [] : [`${label} spawn ${i + 1} exited ${r.code}`]));
}

/** Cold start of a one-step `run`, warm start-up cache and first run (cache emptied), against `node -e 0`. */
export async function coldStartFigures(url: string, times: number): Promise<{ lines: string[]; figures: Figure[] }> {
  const { dir, args } = cliJob(url, 1);
  try {
    const floor = await series(times, ["-e", "0"], dir);
    const first = await series(times, args, dir, clearStartupCache);
    await spawnMeasured(args, dir, ENV); // fills the cache
    const warm = await series(times, args, dir);
    const [floorMs, firstMs, warmMs] = [floor, first, warm].map((runs) => median(runs.map((r) => r.ms))) as [number, number, number];
    return {
      lines: [
        `cold start, one-step run (median of ${times}): warm cache ${fmt(warmMs)} ms, first run ${fmt(firstMs)} ms, bare \`node -e 0\` ${fmt(floorMs)} ms`,
        `cold start vs node -e 0: warm ${ratio(warmMs / floorMs)}, first run ${ratio(firstMs / floorMs)}; modules loaded: warm ${warm[0]?.modules}, first run ${first[0]?.modules}`,
      ],
      figures: [
        targetFigure("cold start, warm cache (x node -e 0)", `${fmt(warmMs)} ms (${ratio(warmMs / floorMs)}), ${warm[0]?.modules} modules`, "<= 250 ms", warmMs <= 250, failures("warm", warm)),
        targetFigure("cold start, first run (x node -e 0)", `${fmt(firstMs)} ms (${ratio(firstMs / floorMs)}), ${first[0]?.modules} modules`, "<= 350 ms", firstMs <= 350, failures("first", first)),
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The CLI running `steps` chained steps versus the bare undici loop in its own process, interleaved, best of each. */
export async function wholeProcessFigures(url: string, token: string, steps: number, rounds: number): Promise<{ lines: string[]; figures: Figure[] }> {
  const { dir, args } = cliJob(url, steps);
  try {
    const floor: ProcessMeasure[] = [];
    const runner: ProcessMeasure[] = [];
    for (let round = 0; round < rounds; round++) {
      floor.push(await spawnMeasured([FLOOR, url, token, String(steps)], dir, ENV));
      runner.push(await spawnMeasured(args, dir, ENV));
    }
    const floorMs = Math.min(...floor.map((r) => r.ms));
    const runnerMs = Math.min(...runner.map((r) => r.ms));
    const value = floorMs / runnerMs;
    return {
      lines: [`whole process, ${steps} chained steps (best of ${rounds}): bare undici loop ${fmt(floorMs)} ms, \`conversation-contract run\` ${fmt(runnerMs)} ms; throughput ratio ${ratio(value)}`],
      figures: [targetFigure(`runner vs bare undici loop, ${steps} steps, whole process`, ratio(value), ">= 0.9x", value >= 0.9, [...failures("floor", floor), ...failures("runner", runner)])],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Peak RSS of `run` on one suite of each size, first run (start-up cache emptied) and warm; the slope between the sizes. */
export async function rssFigures(url: string, sizes: number[]): Promise<{ lines: string[]; figures: Figure[] }> {
  const measured: Array<{ steps: number; first: ProcessMeasure; warm: ProcessMeasure }> = [];
  for (const steps of sizes) {
    const { dir, args } = cliJob(url, steps);
    try {
      clearStartupCache();
      const first = await spawnMeasured(args, dir, ENV);
      measured.push({ steps, first, warm: await spawnMeasured(args, dir, ENV) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const worst = (m: (typeof measured)[number]) => Math.max(m.first.maxRssMiB, m.warm.maxRssMiB);
  const low = measured[0]!;
  const high = measured.at(-1)!;
  const slopeKiB = ((worst(high) - worst(low)) * 1024) / Math.max(1, high.steps - low.steps);
  const lines = [
    `peak RSS of \`run\`, one suite, first run / warm start-up cache: ${measured.map((m) => `${m.steps} steps ${fmt(m.first.maxRssMiB)} / ${fmt(m.warm.maxRssMiB)} MiB (${fmt(m.first.ms / 1000)} / ${fmt(m.warm.ms / 1000)} s)`).join(", ")}`,
    `peak RSS slope from ${low.steps} to ${high.steps} steps (the higher of first run and warm): ${slopeKiB.toFixed(2)} KiB per step`,
  ];
  const figures: Figure[] = measured.map(rssFigure);
  figures.push({ measure: `peak RSS slope, ${low.steps} to ${high.steps} steps`, value: `${slopeKiB.toFixed(2)} KiB/step`, target: `flat (< ${FLAT_KIB_PER_STEP} KiB/step)`, holds: slopeKiB < FLAT_KIB_PER_STEP });
  return { lines, figures };
}

/** The issue's targets, for first run and warm alike: 10,000 steps in 120 MB, 100,000 in 150 MB; other sizes have none. */
function rssFigure({ steps, first, warm }: { steps: number; first: ProcessMeasure; warm: ProcessMeasure }): Figure {
  const problems = [first, warm].flatMap((run, i) => (run.code === 0 ? [] : [`${i === 0 ? "first run" : "warm"} exited ${run.code}`]));
  const limit = steps === 10_000 ? 120 : steps === 100_000 ? 150 : undefined;
  const measure = `peak RSS, ${steps} steps (first run / warm)`;
  const value = `${fmt(first.maxRssMiB)} / ${fmt(warm.maxRssMiB)} MiB`;
  if (limit === undefined) return infoFigure(measure, value, problems);
  const met = Math.max(first.maxRssMiB, warm.maxRssMiB) * 1.048576 <= limit;
  return targetFigure(measure, value, `<= ${limit} MB`, met, problems);
}
