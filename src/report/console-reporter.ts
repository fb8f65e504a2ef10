import type { Exchange, Plan, PlannedSuite, RunResult, RunStartInfo, Step, StepResult, SuiteResult } from "../model";
import { suiteFacts, type Redactor } from "../diagnostics";
import type { Reporter } from "./registry";
import { exchangeLines, formatStepDetails, stepLocation, stepTitle } from "./format-step";
import { isBad } from "../vocabulary/run-totals";
import { digestSuite, formatDigestSummary, startDigest, type DigestInProgress, type SuiteDigest } from "./format-summary";
import { suiteOrder } from "./suite-order";
import { stepBatches, type StepBatchHandler } from "./step-batches";
import { createStyle, formatDuration, type Style } from "./style";

/** Options of the console reporter; output goes through `write`, never straight to stdout. */
export interface ConsoleReporterOptions {
  write(text: string): void;
  /** live progress redrawn in place; false (not a TTY, or CI) prints one line per finished suite */
  tty: boolean;
  color: boolean;
  redactor?: Redactor;
  /** minimum milliseconds between two redraws of the progress line */
  redrawMs?: number;
  /** terminal width; the progress line is cut to fit so redrawing in place never wraps */
  columns?: number;
}

/** A console reporter; `close()` stops the redraw timer if a run ends without onRunEnd. */
export type ConsoleReporter = Reporter & { close(): void };

/** What the console keeps of a suite while its steps come: counts and its digest (no passing step is kept). */
interface SuiteTally {
  steps: number;
  /** steps that finished: neither skipped nor cut short by an interrupt */
  finished: number;
  digest: DigestInProgress;
}

interface Progress {
  total: number;
  done: number;
  passed: number;
  failed: number;
  running: Map<string, string>;
}

/** Live progress on a TTY, plain lines otherwise, and a closing summary. */
export function createConsoleReporter(opts: ConsoleReporterOptions): ConsoleReporter {
  const style = createStyle(opts.color);
  const out = (text: string) => opts.write(opts.redactor ? opts.redactor.redact(text) : text);
  const p: Progress = { total: 0, done: 0, passed: 0, failed: 0, running: new Map() };
  const live = opts.tty ? createLiveLine(out, () => progressLine(p, opts.columns ?? 80), opts.redrawMs ?? 100) : undefined;
  // what the closing summary needs of each finished suite, by suite key: its outcome and its notable steps as text
  const digests = new Map<string, SuiteDigest>();
  let planned: string[] = [];
  const suites = stepBatches<SuiteTally>({
    ...tallySteps(style),
    end(tally, result, item) {
      p.done += 1;
      if (item) p.running.delete(item.key);
      live?.clear();
      out(suiteLines(result, tally, style, p));
      digests.set(result.key, tally.digest.done(result.outcome));
      live?.schedule();
    },
  });
  return {
    onRunStart(plan: Plan, info?: RunStartInfo) {
      p.total = plan.items.length;
      planned = plan.items.map((item) => item.key);
      out(`${style.bold(`Running ${plan.items.length} suite run(s) in ${plan.regions.join(", ")}`)}\n`);
      const receiver = info && receiverLine(plan, info);
      if (receiver) out(`${style.dim(receiver)}\n`);
      live?.schedule();
    },
    onStepStart(item: PlannedSuite, step: Step) {
      p.running.set(item.key, `${item.suite.name} [${item.region}] › ${step.name}`);
      live?.schedule();
    },
    onExchange(item: PlannedSuite, step: Step, exchange: Exchange) {
      live?.clear();
      out(`${style.dim(`${item.suite.name} [${item.region}] › ${step.name}`)}\n${exchangeLines(exchange).join("\n")}\n`);
      live?.schedule();
    },
    onStepResult(item: PlannedSuite, result: StepResult) {
      if (result.outcome === "passed") p.passed += 1;
      if (isBad(result)) p.failed += 1;
      suites.onStepResult(item, result);
      live?.schedule();
    },
    onSuiteEnd: suites.onSuiteEnd,
    onRunEnd(result: RunResult) {
      live?.close();
      const order = suiteOrder(result, planned, digests.keys());
      const byKey = new Map(result.suites.map((s) => [s.key, s]));
      const suites = order.map((key) => digests.get(key) ?? digestSuite(byKey.get(key)!, style));
      out(formatDigestSummary(result, suites, style));
    },
    onReportsWritten(paths: string[]) {
      if (paths.length > 0) out(`Reports: ${paths.join(", ")}\n`);
    },
    close() {
      live?.close();
    },
  };
}

/** Where callbacks must reach the run, when a step waits for one or a public URL forwards to it (a tunnel aims at this address). */
function receiverLine(plan: Plan, info: RunStartInfo): string | undefined {
  const waits = plan.items.some((item) => suiteFacts(item.suite).waitsForCallback);
  if (!waits && !info.callbackUrl) return undefined;
  return `Webhook receiver: ${info.callbackReceiver}${info.callbackUrl ? ` (callbacks arrive through ${info.callbackUrl})` : ""}`;
}

/** A suite's steps counted as they come, and its digest. */
function tallySteps(style: Style): Pick<StepBatchHandler<SuiteTally>, "begin" | "steps"> {
  return {
    begin: (suite) => ({ steps: 0, finished: 0, digest: startDigest(suite, style) }),
    steps(tally, steps) {
      for (const step of steps) {
        tally.steps += 1;
        if (step.outcome !== "skipped" && step.error?.code !== "CC_INTERRUPTED") tally.finished += 1;
        tally.digest.add(step);
      }
    },
  };
}

function suiteLines(result: SuiteResult, tally: SuiteTally, style: Style, p: Progress): string {
  const mark = result.outcome === "passed" ? style.green("✓") : result.outcome === "skipped" ? style.dim("-") : style.red("✗");
  const { bad } = tally.digest;
  // an interrupted suite says how far it got: the steps that finished (teardown included), not the ones cut short
  const counts = result.interrupted ? style.red(`interrupted after ${tally.finished} of ${tally.steps} steps`)
    : bad.length ? style.red(`${bad.length} of ${tally.steps} steps failed`) : `${tally.steps} steps`;
  const lines = [`${mark} ${result.name} [${result.region}] ${style.dim(result.file)} ${counts} ${style.dim(formatDuration(result.durationMs))} (${p.done}/${p.total})`];
  for (const step of bad) {
    lines.push(`    ${style.red("✗")} ${stepLocation(step)} ${stepTitle(result, step)}`);
    lines.push(...formatStepDetails(step, style, "        "));
  }
  return lines.join("\n") + "\n";
}

/** Plain text on purpose: cutting it to the terminal width must not cut an ANSI sequence in half. */
function progressLine(p: Progress, columns: number): string {
  const current = [...p.running.values()].pop() ?? "";
  const counts = `${p.passed} passed${p.failed ? `, ${p.failed} failed` : ""}`;
  const line = `[${p.done}/${p.total} suites] ${counts}${current ? ` · ${current}` : ""}`;
  const max = Math.max(20, columns - 1);
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** One status line redrawn in place, at most once per `minMs`. */
function createLiveLine(out: (t: string) => void, render: () => string, minMs: number) {
  let timer: NodeJS.Timeout | undefined;
  let shown = false;
  let last = 0;
  const draw = () => {
    timer = undefined;
    last = Date.now();
    out(`\r\x1b[2K${render()}`);
    shown = true;
  };
  return {
    schedule() {
      if (timer) return;
      timer = setTimeout(draw, Math.max(0, minMs - (Date.now() - last)));
      timer.unref();
    },
    clear() {
      if (shown) out("\r\x1b[2K");
      shown = false;
    },
    close() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      this.clear();
    },
  };
}
