import type { Outcome, RunResult, RunTotals, StepResult, SuiteResult } from "../model";
import type { RunPlanContext } from "./run-context";
import { roundMs } from "./duration";

/** A suite's outcome: failed if a step failed, else error if one errored, skipped if nothing ran, else passed. */
export function suiteOutcome(steps: StepResult[]): Outcome {
  if (steps.some((s) => s.outcome === "failed")) return "failed";
  if (steps.some((s) => s.outcome === "error")) return "error";
  return steps.length > 0 && steps.every((s) => s.outcome === "skipped") ? "skipped" : "passed";
}

/** Counts over every step of every suite. */
export function totalsOf(suites: SuiteResult[]): RunTotals {
  const totals: RunTotals = { suites: suites.length, steps: 0, passed: 0, failed: 0, errors: 0, skipped: 0, flaky: 0, drift: 0 };
  for (const suite of suites) {
    for (const step of suite.steps) {
      totals.steps++;
      if (step.outcome === "passed") totals.passed++;
      else if (step.outcome === "failed") totals.failed++;
      else if (step.outcome === "error") totals.errors++;
      else totals.skipped++;
      if (step.flaky) totals.flaky++;
      totals.drift += step.drift.length;
    }
  }
  return totals;
}

/** The whole run as results.json holds it. */
export function buildRunResult(ctx: RunPlanContext, suites: SuiteResult[], startedAt: Date, durationMs: number): RunResult {
  return {
    formatVersion: 1,
    tool: { name: "conversation-contract", version: ctx.toolVersion },
    target: ctx.target,
    regions: [...ctx.plan.regions],
    strict: ctx.options.strict,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date(startedAt.getTime() + durationMs).toISOString(),
    durationMs: roundMs(durationMs),
    totals: totalsOf(suites),
    suites,
  };
}
