import type { RunTotals, SuiteResult } from "../model";

/** Totals of nothing yet: what a running tally starts from. */
export function emptyTotals(): RunTotals {
  return { suites: 0, steps: 0, passed: 0, failed: 0, errors: 0, skipped: 0, flaky: 0, drift: 0 };
}

/** Counts one more suite and its steps into `totals` (a running tally: nothing of the suite is kept). */
export function addToTotals(totals: RunTotals, suite: SuiteResult): RunTotals {
  totals.suites++;
  for (const step of suite.steps) {
    totals.steps++;
    if (step.outcome === "passed") totals.passed++;
    else if (step.outcome === "failed") totals.failed++;
    else if (step.outcome === "error") totals.errors++;
    else totals.skipped++;
    if (step.flaky) totals.flaky++;
    totals.drift += step.drift.length;
  }
  return totals;
}
