import type { Outcome, RunTotals, StepResult, SuiteResult } from "../model";

/** Totals of nothing yet: what a running tally starts from. */
export function emptyTotals(): RunTotals {
  return { suites: 0, steps: 0, passed: 0, failed: 0, errors: 0, skipped: 0, flaky: 0, drift: 0 };
}

/** Counts one more suite and its steps into `totals` (a running tally: nothing of the suite is kept). */
export function addToTotals(totals: RunTotals, suite: SuiteResult): RunTotals {
  totals.suites++;
  for (const step of suite.steps) addStepToTotals(totals, step);
  return totals;
}

/** A step that failed a check or met a tool error: what summaries, annotations and excerpts name. */
export function isBad(step: Pick<StepResult, "outcome">): boolean {
  return step.outcome === "failed" || step.outcome === "error";
}

/** Counts one more step into `totals` (a suite's own tally while it runs, or the run's). */
export function addStepToTotals(totals: RunTotals, step: StepResult): RunTotals {
  totals.steps++;
  if (step.outcome === "passed") totals.passed++;
  else if (step.outcome === "failed") totals.failed++;
  else if (step.outcome === "error") totals.errors++;
  else totals.skipped++;
  if (step.flaky) totals.flaky++;
  totals.drift += step.drift.length;
  return totals;
}

/** Adds one tally to another, field by field. */
export function addTotals(totals: RunTotals, more: RunTotals): RunTotals {
  for (const key of Object.keys(totals) as Array<keyof RunTotals>) totals[key] += more[key];
  return totals;
}

/** A suite's outcome from the tally of its steps: failed if a step failed, else error if one errored, skipped if nothing ran, else passed. */
export function tallyOutcome(tally: RunTotals): Outcome {
  if (tally.failed > 0) return "failed";
  if (tally.errors > 0) return "error";
  return tally.steps > 0 && tally.skipped === tally.steps ? "skipped" : "passed";
}
