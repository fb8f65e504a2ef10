import { join } from "node:path";
import type { GateReport, Plan, PlannedSuite, RunEvents, RunHeader, RunResult, SuiteResult } from "../../model";
import type { Redactor } from "../../diagnostics";
import { spooledOpening } from "../results-writer";
import { openSpool, type Spool, type SpoolEntry } from "../spool";
import { suiteRecordHead, toStepRecord, withBlankedStepHeaders } from "../suite-record";
import { stepBatches, type StepBatchHandler, type WholeSuites } from "../step-batches";
import { appendToFile, openIncrementalFile, type IncrementalFile } from "./html-file";
import { blockText, footerBlock, gateBlock, headerBlock, suiteBlockPieces, type PageHeader } from "./page-blocks";
import { pageHead } from "./page-head";
import { suiteExcerpts, type FailedStep } from "./source-excerpt";
import { isBad } from "../../vocabulary/run-totals";

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
export interface HtmlReporter extends RunEvents, WholeSuites {
  /** appends the gate's findings to the finished report.html */
  onGateReport(report: GateReport): void;
}

/** What the reporter holds during a run: the open file and what it needs to know of suites it has not written yet. */
interface HtmlRun {
  file: IncrementalFile;
  written: Set<string>;
  tags: Map<string, string[]>;
  planned?: number;
  /** the first error met while writing a suite: the run goes on, its end throws it */
  failure?: unknown;
}

/** One suite's block while its steps come: their JSON set aside (redacted, escaped) and its failed steps kept for excerpts. */
interface BlockInProgress {
  key: string;
  entry: SpoolEntry;
  steps: number;
  failed: FailedStep[];
}

/**
 * Writes `report.html` as the run goes: the page and the run header at the start, each suite as it finishes (its
 * steps set aside in a spool next to the file as they come, spool.ts), the totals at the end. Without run events (a
 * finished result handed over at once) it writes everything at the end. Only failed steps are kept until their
 * suite ends (for the source excerpts): a suite stops at its first failed step, so that is one plus its teardown.
 */
export function createHtmlReporter(opts: HtmlReporterOptions): HtmlReporter {
  const path = join(opts.outDir, HTML_REPORT);
  const cwd = opts.cwd ?? process.cwd();
  const spool = openSpool(path);
  let run: HtmlRun | undefined;
  const start = (header: PageHeader, tags: Map<string, string[]>, planned?: number): HtmlRun => {
    const file = openIncrementalFile(path);
    file.append(pageHead(`conversation-contract report ${header.startedAt ?? ""}`.trim()));
    file.append(headerBlock(header, opts.redactor));
    return { file, written: new Set(), tags, planned };
  };
  const suites = stepBatches<BlockInProgress>({
    ...blockSteps(spool, opts.redactor),
    end(block, result, item) {
      if (run) writeSuite(run, block, result, item);
      block.entry.release();
    },
  });
  const writeSuite = (current: HtmlRun, block: BlockInProgress, result: SuiteResult, item?: PlannedSuite): void => {
    try {
      const opening = spooledOpening(suiteRecordHead(result, item?.suite.tags ?? current.tags.get(result.key) ?? []));
      const excerpts = suiteExcerpts(result.file, block.failed, { cwd, redactor: opts.redactor, suite: item?.suite });
      for (const piece of suiteBlockPieces(opening, block.entry.read(), excerpts, opts.redactor)) current.file.append(piece);
    } catch (e) {
      current.failure ??= e;
    }
    current.written.add(result.key);
  };
  return {
    onRunStart(plan: Plan) {
      run = start(opts.header ?? { regions: plan.regions, startedAt: new Date().toISOString() }, tagsByKey(plan), plan.items.length);
    },
    onStepResult(item, step) {
      if (run) suites.onStepResult(item, step);
    },
    onSuiteEnd(item, result) {
      if (run) suites.onSuiteEnd(item, result);
    },
    addWhole(result) {
      run ??= start(opts.header ?? { regions: [result.region], startedAt: result.startedAt }, new Map(opts.tags));
      suites.whole(result);
    },
    onRunEnd(result: RunResult) {
      const current = run ?? start(opts.header ?? headerOf(result), new Map(opts.tags));
      run = current;
      // suites the runner did not announce (the cleanup check, a result handed over whole) are written now
      for (const suite of result.suites) if (!current.written.has(suite.key)) suites.whole(suite);
      run = undefined;
      spool.remove();
      const { tool, target, regions, strict, startedAt, finishedAt, durationMs, totals } = result;
      current.file.append(footerBlock({ finishedAt, durationMs, totals, run: { tool, target, regions, strict, startedAt }, planned: current.planned }, opts.redactor));
      current.file.end();
      if (current.failure !== undefined) throw current.failure;
      opts.onWritten?.(current.file.path);
    },
    onGateReport(report) {
      appendToFile(path, gateBlock(report, opts.redactor));
    },
  };
}

/** A suite's steps set aside as their JSON in the block (redacted, escaped), and its failed steps kept. */
function blockSteps(spool: Spool, redactor: Redactor): Pick<StepBatchHandler<BlockInProgress>, "begin" | "steps"> {
  return {
    begin: (suite) => ({ key: suite.key, entry: spool.entry(), steps: 0, failed: [] }),
    steps(block, steps) {
      const json = steps.map((step) => JSON.stringify(withBlankedStepHeaders(toStepRecord(block.key, step), redactor)));
      block.entry.append(blockText(`${block.steps > 0 ? "," : ""}${json.join(",")}`, redactor));
      steps.forEach((step, i) => {
        if (isBad(step)) block.failed.push({ index: block.steps + i, step });
      });
      block.steps += steps.length;
    },
  };
}

function tagsByKey(plan: Plan): Map<string, string[]> {
  return new Map(plan.items.map((item) => [item.key, item.suite.tags]));
}

function headerOf(result: RunResult): PageHeader {
  return { tool: result.tool, target: result.target, regions: result.regions, strict: result.strict, startedAt: result.startedAt };
}
