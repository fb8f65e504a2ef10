import { join } from "node:path";
import type { Diagnostic, GateReport, RunFooter, RunHeader, RunTotals } from "../model";
import type { Config } from "../config";
import { makeDiagnostic } from "../diagnostics";
import { readResults } from "../gate";
import { JSON_REPORT, openMergedReports, type ConsoleOutput, type MergedReports } from "../report";
import { gateRuns } from "./compare-runs";
import { redactDiagnostic } from "./diagnostic-sink";
import { gateInputProblems, resultsSources } from "./gate-inputs";
import { githubOutput } from "./github-output";
import { gateRedactor, inCwd } from "./gate-settings";
import { readShardSet, type ShardInput } from "./merge-inputs";
import { shownPath, withShownPaths } from "./shown-paths";
import type { ProjectStatus } from "./verdict";
import { addTotals, emptyTotals } from "../vocabulary/run-totals";

/** What `merge` needs: the resolved config (the results files are its positionals), the environment, the console. */
export interface MergeProjectOptions {
  config: Config;
  env: Record<string, string | undefined>;
  /** where the merge's summary (and the gate's, with --baseline) is printed */
  console?: ConsoleOutput;
}

/** How a merge ended: like a run (0 all passed, 1 a failure, 2 the set of files is not one run's shards), or the gate's with --baseline. */
export interface MergeOutcome {
  status: ProjectStatus;
  /** files written, relative to config.cwd when inside it */
  written: string[];
  diagnostics: Diagnostic[];
  /** code frames of results files (their first line) */
  sources?: Map<string, string>;
  totals?: RunTotals;
  gate?: GateReport;
}

/**
 * `merge RESULTS...`: the results.json of every shard of a run into one results.json (written record by record while
 * the shards are read as streams), junit.xml and report.html; with --baseline, the gate on the merged result.
 */
export async function mergeProject(options: MergeProjectOptions): Promise<MergeOutcome> {
  const { config, env } = options;
  const files = config.suites.map((file) => inCwd(config, file));
  const out = join(inCwd(config, config.out), JSON_REPORT);
  const refused = (diagnostics: Diagnostic[]): MergeOutcome => {
    const shown = withShownPaths(diagnostics, config.cwd);
    return { status: "invalid", written: [], diagnostics: shown, sources: resultsSources(shown, config.cwd) };
  };
  if (files.length === 0) return refused([makeDiagnostic("CC_BAD_OPTION", "merge takes the results.json of every shard (given: none)", undefined, "e.g. conversation-contract merge shard-1/results.json shard-2/results.json")]);
  if (files.includes(out)) return refused([makeDiagnostic("CC_BAD_OPTION", `${out} is both an input and the results.json the merge writes`, undefined, "give the merge another --out")]);
  const set = await readShardSet(files);
  if (!set.shards) return refused(set.diagnostics);
  const gateInput = config.baseline === undefined ? [] : await gateInputProblems(config, inCwd(config, config.baseline));
  if (gateInput.length > 0) return refused(gateInput);
  const redactor = gateRedactor(config, env);
  const reports = openMergedReports({ outDir: inCwd(config, config.out), redactor, header: mergedHeader(set.shards), cwd: config.cwd, github: githubOutput(options) });
  const footer = await copyRecords(set.shards, reports);
  const { written, failures } = await reports.finish(footer);
  const outcome: MergeOutcome = {
    status: failures.length > 0 ? "could-not-run" : footer.totals.failed + footer.totals.errors > 0 ? "failed" : "passed",
    written: written.map((path) => shownPath(path, config.cwd)), diagnostics: failures.map((d) => redactDiagnostic(d, redactor)), totals: footer.totals,
  };
  options.console?.write(`Merged ${set.shards.length} shard${set.shards.length === 1 ? "" : "s"}: ${totalsLine(footer.totals)}\nReports: ${outcome.written.join(", ")}\n`);
  return gateTheMerge(options, outcome, reports, out);
}

/** With --baseline: the gate over the merged results.json (never per shard); the status is then the gate's. */
async function gateTheMerge(options: MergeProjectOptions, outcome: MergeOutcome, reports: MergedReports, candidate: string): Promise<MergeOutcome> {
  const { config, env, console } = options;
  if (config.baseline === undefined || outcome.status === "could-not-run") return outcome;
  const gate = await gateRuns({ baseline: inCwd(config, config.baseline), candidate }, { config, env, ...(console ? { console } : {}) });
  const diagnostics = [...outcome.diagnostics, ...gate.diagnostics];
  if (!gate.report) return { ...outcome, status: gate.status, diagnostics, sources: gate.sources };
  const lost = await reports.reportGate(gate.report);
  const status = lost.length > 0 ? "could-not-run" : gate.status;
  return { ...outcome, status, written: [...outcome.written, ...gate.written], diagnostics: [...diagnostics, ...lost], gate: gate.report };
}

/** The merged run's header: the first shard's, without a shard, from the earliest start. */
function mergedHeader(shards: ShardInput[]): RunHeader {
  const { shard: _shard, ...header } = shards[0]!.header;
  const startedAt = shards.map((s) => s.header.startedAt).sort()[0]!;
  return { ...header, startedAt };
}

/** Every shard's records, in shard order, into the merged results.json; the footer sums the shards' totals. */
async function copyRecords(shards: ShardInput[], reports: MergedReports): Promise<RunFooter> {
  const footers: RunFooter[] = [];
  for (const shard of shards) {
    for await (const entry of readResults(shard.file)) {
      if (entry.type === "suite") await reports.add(entry.suite);
      if (entry.type === "end" && entry.footer) footers.push(entry.footer);
    }
  }
  return mergedFooter(footers, mergedHeader(shards).startedAt);
}

function mergedFooter(footers: RunFooter[], startedAt: string): RunFooter {
  const finishedAt = footers.map((f) => f.finishedAt).sort().at(-1) ?? startedAt;
  const totals = emptyTotals();
  for (const footer of footers) addTotals(totals, footer.totals);
  const durationMs = Math.max(0, Date.parse(finishedAt) - Date.parse(startedAt));
  return { finishedAt, durationMs, totals, interrupted: footers.some((f) => f.interrupted) };
}

function totalsLine(t: RunTotals): string {
  return `${t.suites} suites, ${t.steps} steps: ${t.passed} passed, ${t.failed} failed, ${t.errors} errors, ${t.skipped} skipped`;
}
