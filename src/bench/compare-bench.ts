import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { compareRuns, readResults } from "../gate";
import { fmt, ratio, targetFigure, type Figure } from "./figures";
import { writeResultsFixture } from "./results-fixture";
import { spawnMeasured } from "./spawn-measured";

const CLI = join(__dirname, "..", "..", "dist", "cli", "main.js");

const STEPS_PER_SUITE = 10;
const DIFFERENCES = 300;
const ROUNDS = 3;
const TARGET_MS = 2000;
const TARGET_MIB = 300;

/** What one measuring child process reports. */
interface Measurement {
  ms: number;
  /** user + system CPU time: on a machine shared with other work, steadier than wall time */
  cpuMs: number;
  maxRssMiB: number;
  findings?: number;
  regressions?: number;
}

/**
 * `npm run bench`, gate part: two results files of 100,000 steps (realistic shapes, a few hundred differences,
 * other suite order, times and lines), then the `compare` command over both (start-up, both files as streams, the
 * gate's outputs gate.json, gate.md and gate.xml; the whole process, as a user waits for it) versus a plain
 * JSON.parse of both files. For scale, also compareRuns in one thread. Each measurement runs in a fresh process, so
 * its peak RSS is its own (not the generator's).
 */
export async function runCompareBench(steps: number): Promise<{ lines: string[]; figures: Figure[] }> {
  const dir = mkdtempSync(join(tmpdir(), "cc-compare-bench-"));
  try {
    const baseline = join(dir, "baseline.json");
    const candidate = join(dir, "candidate.json");
    const generated = performance.now();
    await writeResultsFixture(baseline, { side: "baseline", steps, stepsPerSuite: STEPS_PER_SUITE, differences: DIFFERENCES });
    await writeResultsFixture(candidate, { side: "candidate", steps, stepsPerSuite: STEPS_PER_SUITE, differences: DIFFERENCES });
    const generateMs = performance.now() - generated;
    let command: Measurement = { ms: Infinity, cpuMs: NaN, maxRssMiB: Infinity };
    let oneThread: Measurement = { ms: Infinity, cpuMs: Infinity, maxRssMiB: Infinity };
    let parse: Measurement = { ms: Infinity, cpuMs: Infinity, maxRssMiB: Infinity };
    for (let round = 0; round < ROUNDS; round++) {
      command = best(command, await measureCommand(baseline, candidate, join(dir, `gate-${round}`)));
      oneThread = best(oneThread, measure("compare", baseline, candidate));
      parse = best(parse, measure("parse", baseline, candidate));
    }
    const sizeMiB = (statSync(baseline).size + statSync(candidate).size) / 1024 / 1024;
    const met = command.ms < TARGET_MS && command.maxRssMiB < TARGET_MIB;
    const lines = [
      `compare: two results files of ${steps} steps each (${fmt(sizeMiB)} MiB together, written in ${fmt(generateMs)} ms), ${command.findings} findings (${command.regressions} regressions)`,
      `\`conversation-contract compare\` (whole process: start-up, both files, gate.json/md/xml; best of ${ROUNDS}): ${fmt(command.ms)} ms, peak RSS ${fmt(command.maxRssMiB)} MiB (target < ${TARGET_MS} ms and < ${TARGET_MIB} MiB: ${met ? "yes" : "NO"})`,
      `compareRuns in one thread, in-process (best of ${ROUNDS}): ${fmt(oneThread.ms)} ms (CPU ${fmt(oneThread.cpuMs)} ms), peak RSS ${fmt(oneThread.maxRssMiB)} MiB, ${oneThread.findings} findings`,
      `plain JSON.parse of both files, in-process (best of ${ROUNDS}): ${fmt(parse.ms)} ms (CPU ${fmt(parse.cpuMs)} ms), peak RSS ${fmt(parse.maxRssMiB)} MiB`,
      `ratio compare command/JSON.parse: time ${(command.ms / parse.ms).toFixed(2)}, peak RSS ${(command.maxRssMiB / parse.maxRssMiB).toFixed(2)}`,
    ];
    const problems = command.findings === oneThread.findings ? [] : [`the command found ${command.findings} findings, compareRuns ${oneThread.findings}`];
    const value = `${fmt(command.ms)} ms, ${fmt(command.maxRssMiB)} MiB (${ratio(command.ms / parse.ms)} the time, ${ratio(command.maxRssMiB / parse.maxRssMiB)} the RSS of JSON.parse)`;
    return { lines, figures: [targetFigure(`compare of two ${steps}-step results`, value, `< ${TARGET_MS} ms, < ${TARGET_MIB} MiB`, met && problems.length === 0)] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The `compare` command as a user runs it, with the gate's verdict read from its gate.json. */
async function measureCommand(baseline: string, candidate: string, out: string): Promise<Measurement> {
  const run = await spawnMeasured([CLI, "compare", baseline, candidate, "--out", out], dirname(out), { PATH: process.env.PATH ?? "", CI: "true" });
  if (run.code !== 0 && run.code !== 1) throw new Error(`compare exited ${run.code}`);
  const gate = JSON.parse(readFileSync(join(out, "gate.json"), "utf8")) as { findings: Array<{ severity: string }> };
  return { ms: run.ms, cpuMs: NaN, maxRssMiB: run.maxRssMiB, findings: gate.findings.length, regressions: gate.findings.filter((f) => f.severity === "regression").length };
}

function best(a: Measurement, b: Measurement): Measurement {
  return { ...(b.ms < a.ms ? b : a), cpuMs: Math.min(a.cpuMs, b.cpuMs), maxRssMiB: Math.min(a.maxRssMiB, b.maxRssMiB) };
}

function measure(mode: "compare" | "parse", baseline: string, candidate: string): Measurement {
  const out = execFileSync(process.execPath, [__filename, mode, baseline, candidate], { encoding: "utf8", maxBuffer: 1 << 20 });
  return JSON.parse(out) as Measurement;
}

/** In the child: one timed comparison, or one timed JSON.parse of both files. */
async function child(mode: string, baseline: string, candidate: string): Promise<Measurement> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let extra: Partial<Measurement> = {};
  if (mode === "compare") {
    const result = await compareRuns(readResults(baseline), readResults(candidate));
    extra = { findings: result.findings.length, regressions: result.findings.filter((f) => f.severity === "regression").length };
  } else {
    const docs = [JSON.parse(readFileSync(baseline, "utf8")), JSON.parse(readFileSync(candidate, "utf8"))] as Array<{ suites: unknown[] }>;
    extra = { findings: docs[0]!.suites.length + docs[1]!.suites.length };
  }
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, maxRssMiB: process.resourceUsage().maxRSS / 1024, ...extra };
}

if (require.main === module) {
  const [mode, baseline, candidate] = process.argv.slice(2);
  const job = mode && baseline && candidate
    ? child(mode, baseline, candidate).then((m) => process.stdout.write(JSON.stringify(m)))
    : runCompareBench(100_000).then(({ lines }) => process.stdout.write(lines.join("\n") + "\n"));
  job.catch((e: unknown) => {
    process.stderr.write(`compare bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
