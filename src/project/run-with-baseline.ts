import { join } from "node:path";
import type { GateReport } from "../model";
import { JSON_REPORT } from "../report";
import { gateRuns } from "./compare-runs";
import { gateInputProblems, resultsSources } from "./gate-inputs";
import { inCwd } from "./gate-settings";
import { runProject, type ProjectRunOutcome, type RunProjectOptions } from "./run-project";

/** A run's outcome, with the gate's report when it was compared with a baseline. */
export interface GatedRunOutcome extends ProjectRunOutcome {
  gate?: GateReport;
}

/**
 * `run [--baseline FILE]`: without a baseline, runProject. With one, the gate's input is checked first (exit 2
 * before anything is sent), then the run, then the gate over the run's results.json: the status is the gate's
 * (a failure the baseline had too is no regression). A run that could not happen is not compared.
 */
export async function runWithBaseline(options: RunProjectOptions): Promise<GatedRunOutcome> {
  const { config } = options;
  if (config.baseline === undefined) return runProject(options);
  const baseline = inCwd(config, config.baseline);
  const problems = await gateInputProblems(config, baseline);
  if (problems.length > 0) {
    options.onDiagnostics?.({ diagnostics: problems, sources: resultsSources(problems, config.cwd) });
    return { status: "invalid", written: [], diagnostics: problems };
  }
  const run = await runProject(options);
  if (run.status !== "passed" && run.status !== "failed") return run;
  const candidate = join(inCwd(config, config.out), JSON_REPORT);
  const gate = await gateRuns({ baseline, candidate }, { config, env: options.env, console: options.console });
  if (gate.diagnostics.length > 0) options.onDiagnostics?.({ diagnostics: gate.diagnostics, ...(gate.sources ? { sources: gate.sources } : {}) });
  return {
    ...run, status: gate.status, written: [...run.written, ...gate.written], diagnostics: [...run.diagnostics, ...gate.diagnostics],
    ...(gate.report ? { gate: gate.report } : {}),
  };
}
