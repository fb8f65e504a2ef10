import type { Outcome, RunResult, RunTotals, StepResult, SuiteResult } from "../model";
import { formatStepDetails, stepLocation, stepTitle } from "./format-step";
import { isBad } from "../vocabulary/run-totals";
import { formatDuration, type Style } from "./style";

/** What the summary says of the run besides its suites. */
export type SummaryRun = Pick<RunResult, "strict" | "totals" | "target" | "regions" | "durationMs">;

/** One suite's part of the summary: its outcome, and the steps that failed, drifted or were flaky (text, no results kept). */
export interface SuiteDigest {
  outcome: Outcome;
  failing: Array<{ title: string; details: string[] }>;
  drift: string[];
  flaky: string[];
}

/** A suite's digest while its steps come: its failed steps are kept (a suite stops at the first, so one plus its teardown), the rest is text. */
export interface DigestInProgress {
  /** the suite's failed and errored steps so far */
  readonly bad: StepResult[];
  add(step: StepResult): void;
  /** the digest, once the suite's outcome is known */
  done(outcome: Outcome): SuiteDigest;
}

/** Starts the digest of a suite whose steps come one by one. */
export function startDigest(s: Pick<SuiteResult, "name" | "region">, style: Style): DigestInProgress {
  const bad: StepResult[] = [];
  const drift: string[] = [];
  const flaky: string[] = [];
  return {
    bad,
    add(step) {
      if (isBad(step)) bad.push(step);
      for (const d of step.drift) drift.push(`  ${stepLocation(step)} ${stepTitle(s, step)}: ${d.instancePath || "(root)"} not in ${d.schema}`);
      if (step.flaky) flaky.push(flakyLine(s, step));
    },
    done(outcome) {
      const failing = bad.map((step) => ({ title: `${style.bold(stepLocation(step))} ${stepTitle(s, step)}`, details: formatStepDetails(step, style, "     ") }));
      return { outcome, failing, drift, flaky };
    },
  };
}

/** What the closing summary needs of a finished suite; a passing suite without drift or flaky steps leaves only its outcome. */
export function digestSuite(s: SuiteResult, style: Style): SuiteDigest {
  const digest = startDigest(s, style);
  for (const step of s.steps) digest.add(step);
  return digest.done(s.outcome);
}

function flakyLine(s: Pick<SuiteResult, "name" | "region">, step: StepResult): string {
  const reasons = step.attempts.map((a) => a.retryReason).filter(Boolean).join(", ");
  return `  ${stepLocation(step)} ${stepTitle(s, step)}: ${step.attempts.length} attempts${reasons ? ` (${reasons})` : ""}`;
}

/** The closing summary from the digests of every suite, in the run's order. */
export function formatDigestSummary(run: SummaryRun, suites: SuiteDigest[], style: Style): string {
  const lines: string[] = [""];
  const failing = suites.flatMap((s) => s.failing);
  if (failing.length > 0) {
    lines.push(style.bold(style.red(`Failures (${failing.length}):`)));
    failing.forEach(({ title, details }, i) => {
      lines.push(`  ${i + 1}) ${title}`);
      lines.push(...details, "");
    });
  }
  const drift = suites.flatMap((s) => s.drift);
  if (drift.length > 0) {
    lines.push(style.yellow(`Drift (${drift.length}): fields the schemas do not name${run.strict ? "" : " (use --strict to fail on them)"}`));
    lines.push(...drift, "");
  }
  const flaky = suites.flatMap((s) => s.flaky);
  if (flaky.length > 0) {
    lines.push(style.yellow(`Flaky (${flaky.length}): passed only after a retry`));
    lines.push(...flaky, "");
  }
  lines.push(formatTotals(run, suites.map((s) => s.outcome), style));
  return lines.join("\n") + "\n";
}

function suiteCounts(outcomes: Outcome[]): string {
  const passed = outcomes.filter((o) => o === "passed").length;
  const bad = outcomes.filter((o) => o === "failed" || o === "error").length;
  const skipped = outcomes.length - passed - bad;
  return [`${passed} passed`, bad ? `${bad} failed` : "", skipped ? `${skipped} skipped` : ""].filter(Boolean).join(", ");
}

function stepCounts(t: RunTotals, style: Style): string {
  const parts = [style.green(`${t.passed} passed`)];
  if (t.failed) parts.push(style.red(`${t.failed} failed`));
  if (t.errors) parts.push(style.red(`${t.errors} errors`));
  if (t.skipped) parts.push(style.dim(`${t.skipped} skipped`));
  if (t.flaky) parts.push(style.yellow(`${t.flaky} flaky`));
  if (t.drift) parts.push(style.yellow(`${t.drift} drift`));
  return parts.join(", ");
}

/** "Suites: ... | Steps: ... | Time: ..." lines; `outcomes`: the outcome of every suite of the result. */
export function formatTotals(run: SummaryRun, outcomes: Outcome[], style: Style): string {
  const t = run.totals;
  return [
    `Suites:  ${suiteCounts(outcomes)} (${t.suites})`,
    `Steps:   ${stepCounts(t, style)} (${t.steps})`,
    `Target:  ${run.target} [${run.regions.join(", ")}]`,
    `Time:    ${formatDuration(run.durationMs)}`,
  ].join("\n");
}
