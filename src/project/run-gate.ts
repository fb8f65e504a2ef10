import { join } from "node:path";
import type { Config } from "../config";
import { JSON_REPORT, type ReportSession } from "../report";
import { gateRuns } from "./compare-runs";
import type { DiagnosticBatch, DiagnosticSink } from "./diagnostic-sink";
import { gateInputProblems, resultsSources } from "./gate-inputs";
import { inCwd } from "./gate-settings";
import type { ProjectRunOutcome, RunProjectOptions } from "./run-project";

/*
 * `run --baseline FILE`: the gate's input is checked before anything is sent (exit 2), and after the reports the
 * gate compares the run's results.json with the baseline; the status is then the gate's (a failure the baseline
 * had too is no regression). A run that could not happen is not compared.
 */

/** With --baseline: what is wrong with the gate's input, before the run (undefined when nothing is, or no baseline). */
export async function baselineProblems(config: Config): Promise<DiagnosticBatch | undefined> {
  if (config.baseline === undefined) return undefined;
  const diagnostics = await gateInputProblems(config, inCwd(config, config.baseline));
  return diagnostics.length > 0 ? { diagnostics, sources: resultsSources(diagnostics, config.cwd) } : undefined;
}

/** The finished run's context the gate needs. */
export interface GatedRun {
  options: RunProjectOptions;
  reports: ReportSession;
  sink: DiagnosticSink;
}

/** With --baseline: the gate over the run's results.json, its report handed to the reporters that show it (report.html). */
export async function gateTheRun(run: GatedRun, outcome: ProjectRunOutcome): Promise<ProjectRunOutcome> {
  const { config, env, console } = run.options;
  if (config.baseline === undefined || (outcome.status !== "passed" && outcome.status !== "failed")) return outcome;
  const candidate = join(inCwd(config, config.out), JSON_REPORT);
  const gate = await gateRuns({ baseline: inCwd(config, config.baseline), candidate }, { config, env, ...(console ? { console } : {}) });
  run.sink.add(gate.diagnostics, gate.sources);
  if (!gate.report) return { ...outcome, status: gate.status, diagnostics: run.sink.all };
  const lost = await run.reports.reportGate(gate.report);
  run.sink.add(lost);
  const status = lost.length > 0 ? "could-not-run" : gate.status;
  return { ...outcome, status, written: [...outcome.written, ...gate.written], diagnostics: run.sink.all, gate: gate.report };
}
