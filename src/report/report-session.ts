import { isAbsolute, relative } from "node:path";
import type { Diagnostic, GateReport, RunEvents, RunHeader, RunResult } from "../model";
import { makeDiagnostic, type Redactor } from "../diagnostics";
import type { ReporterName } from "../vocabulary/reporters";
import { createGithubReporter, type GithubActionsOutput } from "./github-actions";
import { createReporters, type ConsoleOutput, type Reporter } from "./registry";

/** Which reporters to use and where they write. */
export interface ReportSettings {
  names: readonly ReporterName[];
  outDir: string;
  redactor: Redactor;
  /** report paths under this folder are shown relative to it */
  cwd?: string;
  console?: ConsoleOutput;
  /** the run's header when known before the first suite */
  header?: RunHeader;
  /** aborted when the run is interrupted */
  signal?: AbortSignal;
  /** inside GitHub Actions: annotations of failing steps and the step summary, after the other reports */
  github?: GithubActionsOutput;
}

/** What writing the reports gave: the files written (as shown to the user) and one diagnostic per failed reporter. */
export interface ReportsOutcome {
  written: string[];
  failures: Diagnostic[];
}

/** The reporters of one run (or of a merge or a compare that writes finished results). */
export interface ReportSession {
  /** what the runner is given: every reporter without onRunEnd, which finish() calls instead */
  listeners: RunEvents[];
  /** every reporter's onRunEnd, each on its own so one failure cannot lose another report; then onReportsWritten */
  finish(result: RunResult): Promise<ReportsOutcome>;
  /** stops live output of a run that ended without a result */
  close(): void;
  /** after finish(): hands a gate's report to the reporters that show it (report.html); one diagnostic per failure */
  reportGate(report: GateReport): Promise<Diagnostic[]>;
}

/** Opens the named reporters; throws a DiagnosticError when one cannot work with the settings given. */
export function openReports(settings: ReportSettings): ReportSession {
  const written: string[] = [];
  const reporters = createReporters(settings.names, {
    outDir: settings.outDir, redactor: settings.redactor, console: settings.console, cwd: settings.cwd, header: settings.header, signal: settings.signal,
    onWritten: (path) => written.push(shownPath(path, settings.cwd)),
  });
  const { github } = settings;
  if (github) reporters.push(createGithubReporter(github, settings.redactor));
  return {
    listeners: reporters.map(withoutRunEnd),
    finish: async (result) => {
      const failures = await endRun(reporters, result);
      for (const reporter of reporters) reporter.onReportsWritten?.([...written]);
      return { written: [...written], failures };
    },
    close: () => {
      for (const reporter of reporters) reporter.close?.();
    },
    reportGate: (report) => eachReporter(reporters, (reporter) => reporter.onGateReport?.(report)),
  };
}

/** Writes a finished result through the named reporters at once (merge, compare, a library user with results). */
export function writeReports(result: RunResult, settings: ReportSettings): Promise<ReportsOutcome> {
  return openReports(settings).finish(result);
}

function withoutRunEnd(reporter: Reporter): RunEvents {
  const { onRunEnd: _ended, onReportsWritten: _written, close: _close, onGateReport: _gate, ...events } = reporter;
  return events;
}

function endRun(reporters: Reporter[], result: RunResult): Promise<Diagnostic[]> {
  return eachReporter(reporters, (reporter) => reporter.onRunEnd?.(result));
}

/** Calls every reporter, each on its own, so one that fails cannot keep another from writing. */
async function eachReporter(reporters: Reporter[], call: (reporter: Reporter) => void | Promise<void>): Promise<Diagnostic[]> {
  const failures: Diagnostic[] = [];
  for (const reporter of reporters) {
    try {
      await call(reporter);
    } catch (e) {
      failures.push(makeDiagnostic("CC_REPORT_WRITE", `could not write a report: ${(e as Error).message}`));
    }
  }
  return failures;
}

function shownPath(path: string, cwd: string | undefined): string {
  if (cwd === undefined) return path;
  const rel = relative(cwd, path);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}
