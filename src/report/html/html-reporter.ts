import { join } from "node:path";
import type { GateReport, Plan, PlannedSuite, RunEvents, RunHeader, RunResult, SuiteResult } from "../../model";
import type { Redactor } from "../../diagnostics";
import { recordJsonPieces } from "../results-writer";
import { streamedRecord } from "../suite-record";
import { appendToFile, openIncrementalFile, type IncrementalFile } from "./html-file";
import { footerBlock, gateBlock, headerBlock, suiteBlockPieces, type PageHeader } from "./page-blocks";
import { pageHead } from "./page-head";
import { suiteExcerpts } from "./source-excerpt";

/** File name of the HTML report inside the output directory. */
export const HTML_REPORT = "report.html";

/** Options of the HTML reporter. */
export interface HtmlReporterOptions {
  outDir: string;
  redactor: Redactor;
  /** suite paths are relative to this folder (for the source excerpts); default: the process's cwd */
  cwd?: string;
  /** the run's header, when the caller knows it at the start; otherwise the end of the run fills it in */
  header?: RunHeader;
  /** called with the written path */
  onWritten?(path: string): void;
  /** tags by suite key, for a finished result handed over whole (a merge); a run's plan has them otherwise */
  tags?: ReadonlyMap<string, string[]>;
}

/** The HTML reporter: run events, and the gate's report once a gate has compared the run with a baseline. */
export interface HtmlReporter extends RunEvents {
  /** appends the gate's findings to the finished report.html */
  onGateReport(report: GateReport): void;
}

/** What the reporter holds during a run: the open file and what it needs to know of suites it has not written yet. */
interface HtmlRun {
  file: IncrementalFile;
  written: Set<string>;
  tags: Map<string, string[]>;
  planned?: number;
}

/**
 * Writes `report.html` as the run goes: the page and the run header at the start, each suite as it finishes,
 * the totals at the end. Without run events (a finished result handed over at once) it writes everything at the end.
 */
export function createHtmlReporter(opts: HtmlReporterOptions): HtmlReporter {
  const path = join(opts.outDir, HTML_REPORT);
  const cwd = opts.cwd ?? process.cwd();
  let run: HtmlRun | undefined;
  const start = (header: PageHeader, tags: Map<string, string[]>, planned?: number): HtmlRun => {
    const file = openIncrementalFile(path);
    file.append(pageHead(`conversation-contract report ${header.startedAt ?? ""}`.trim()));
    file.append(headerBlock(header, opts.redactor));
    return { file, written: new Set(), tags, planned };
  };
  const writeSuite = (current: HtmlRun, result: SuiteResult, item?: PlannedSuite): void => {
    const record = streamedRecord(result, item?.suite.tags ?? current.tags.get(result.key) ?? [], opts.redactor);
    const excerpts = suiteExcerpts(result, { cwd, redactor: opts.redactor, suite: item?.suite });
    // the suite's block goes out in pieces (cut between steps, each redacted): its record is never one string
    for (const piece of suiteBlockPieces(recordJsonPieces(record), excerpts, opts.redactor)) current.file.append(piece);
    current.written.add(result.key);
  };
  return {
    onRunStart(plan: Plan) {
      run = start(opts.header ?? { regions: plan.regions, startedAt: new Date().toISOString() }, tagsByKey(plan), plan.items.length);
    },
    onSuiteEnd(item, result) {
      if (run) writeSuite(run, result, item);
    },
    onRunEnd(result: RunResult) {
      const current = run ?? start(opts.header ?? headerOf(result), new Map(opts.tags));
      run = undefined;
      // suites the runner did not announce (the cleanup check, a result handed over whole) are written now
      for (const suite of result.suites) if (!current.written.has(suite.key)) writeSuite(current, suite);
      const { tool, target, regions, strict, startedAt, finishedAt, durationMs, totals } = result;
      current.file.append(footerBlock({ finishedAt, durationMs, totals, run: { tool, target, regions, strict, startedAt }, planned: current.planned }, opts.redactor));
      current.file.end();
      opts.onWritten?.(current.file.path);
    },
    onGateReport(report) {
      appendToFile(path, gateBlock(report, opts.redactor));
    },
  };
}

function tagsByKey(plan: Plan): Map<string, string[]> {
  return new Map(plan.items.map((item) => [item.key, item.suite.tags]));
}

function headerOf(result: RunResult): PageHeader {
  return { tool: result.tool, target: result.target, regions: result.regions, strict: result.strict, startedAt: result.startedAt };
}
