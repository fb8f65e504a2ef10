import { join } from "node:path";
import type { Diagnostic, GateReport, RunFooter, RunHeader, RunResult, SuiteRecord, SuiteResult } from "../model";
import { makeDiagnostic, type Redactor } from "../diagnostics";
import { reportToGithub, type GithubActionsOutput } from "./github-actions";
import { createHtmlReporter } from "./html";
import { JSON_REPORT } from "./json-reporter";
import { createJunitReporter } from "./junit-reporter";
import { openResultsFile, type ResultsFile } from "./results-writer";
import type { ReportsOutcome } from "./report-session";
import { isBad } from "../vocabulary/run-totals";

/** Where a merge writes, and the header of the merged run. */
export interface MergedReportsSettings {
  outDir: string;
  redactor: Redactor;
  header: RunHeader;
  /** report.html reads suite lines around failures relative to it */
  cwd?: string;
  /** inside GitHub Actions: annotations of the merged run's failing steps and the step summary */
  github?: GithubActionsOutput;
}

/** The reports of a merge: results.json, junit.xml and report.html written record by record as the shards are read (none holds the run). */
export interface MergedReports {
  /** appends one shard's suite record to results.json */
  add(record: SuiteRecord): Promise<void>;
  /** writes results.json's footer, then junit.xml and report.html; each on its own, so one failure loses no other report */
  finish(footer: RunFooter): Promise<ReportsOutcome>;
  /** after finish(): the gate's findings appended to report.html */
  reportGate(report: GateReport): Promise<Diagnostic[]>;
}

/**
 * Opens the merged reports. The records come from results files written (and redacted) by runs; they pass through
 * the redactor once more, so a secret of this environment never reaches a merged report either.
 */
export function openMergedReports(settings: MergedReportsSettings): MergedReports {
  const { outDir, redactor, header } = settings;
  const written: string[] = [];
  const onWritten = (path: string): void => {
    written.push(path);
  };
  const path = join(outDir, JSON_REPORT);
  let file: Promise<ResultsFile> | undefined;
  const opened = (): Promise<ResultsFile> => (file ??= openResultsFile(path, header, { redactor }));
  const tags = new Map<string, string[]>();
  const html = createHtmlReporter({ outDir, redactor, cwd: settings.cwd, header, tags, onWritten });
  const junit = createJunitReporter({ outDir, redactor, onWritten });
  // what the GitHub annotations need: the failed steps of each suite (a suite stops at its first: one plus its teardown)
  const failing: SuiteRecord[] = [];
  let failure: unknown;
  return {
    async add(record) {
      await (await opened()).write(record);
      tags.set(record.key, record.tags);
      const suite = suiteResultOf(record);
      try {
        junit.addWhole(suite);
        html.addWhole(suite);
      } catch (e) {
        failure ??= e;
      }
      const failed = record.steps.filter(isBad);
      if (failed.length > 0) failing.push({ ...record, steps: failed });
    },
    async finish(footer) {
      const failures: Diagnostic[] = [];
      if (failure !== undefined) failures.push(makeDiagnostic("CC_REPORT_WRITE", `could not write a report: ${(failure as Error).message}`));
      const result = mergedResult(header, footer, []);
      await each(failures, async () => {
        await (await opened()).close(footer);
        onWritten(path);
      });
      await each(failures, () => junit.onRunEnd?.(result));
      await each(failures, () => html.onRunEnd?.(result));
      const { github } = settings;
      if (github) await each(failures, () => reportToGithub(mergedResult(header, footer, failing), github, redactor));
      return { written: [...written], failures };
    },
    async reportGate(report) {
      const failures: Diagnostic[] = [];
      await each(failures, () => html.onGateReport(report));
      return failures;
    },
  };
}

/**
 * The merged run as JUnit and the HTML page take it at the end: its suites were handed to them one at a time, so it
 * holds none; GitHub's holds the failed steps.
 */
function mergedResult(header: RunHeader, footer: RunFooter, suites: SuiteRecord[]): RunResult {
  const { tool, target, regions, strict, startedAt } = header;
  return { formatVersion: 1, tool, target, regions, strict, startedAt, finishedAt: footer.finishedAt, durationMs: footer.durationMs, totals: footer.totals, suites: suites.map(suiteResultOf) };
}

/** A suite record as a suite result (a record is a result with keys and fingerprints; its steps' operationId may be null). */
function suiteResultOf(record: SuiteRecord): SuiteResult {
  return { ...record, steps: record.steps.map(({ operationId, ...step }) => (operationId === null ? step : { ...step, operationId })) };
}

async function each(failures: Diagnostic[], write: () => unknown): Promise<void> {
  try {
    await write();
  } catch (e) {
    failures.push(makeDiagnostic("CC_REPORT_WRITE", `could not write a report: ${(e as Error).message}`));
  }
}
