import type { Outcome, RunResult, RunTotals, StepResult, SuiteResult } from "../model";
import type { RunPlanContext } from "./run-context";
import { roundMs } from "./duration";
import { addToTotals, emptyTotals } from "../vocabulary/run-totals";

/** A suite's outcome: failed if a step failed, else error if one errored, skipped if nothing ran, else passed. */
export function suiteOutcome(steps: StepResult[]): Outcome {
  if (steps.some((s) => s.outcome === "failed")) return "failed";
  if (steps.some((s) => s.outcome === "error")) return "error";
  return steps.length > 0 && steps.every((s) => s.outcome === "skipped") ? "skipped" : "passed";
}

/** Counts over every step of every suite. */
export function totalsOf(suites: SuiteResult[]): RunTotals {
  const totals = emptyTotals();
  for (const suite of suites) addToTotals(totals, suite);
  return totals;
}

/**
 * The whole run as results.json holds it. `suites` are the suites kept (every one, unless the run released them as
 * they finished); `totals` counts every suite that finished, kept or not.
 */
export function buildRunResult(ctx: RunPlanContext, run: { suites: SuiteResult[]; totals: RunTotals }, startedAt: Date, durationMs: number): RunResult {
  return {
    formatVersion: 1,
    tool: { name: "conversation-contract", version: ctx.toolVersion },
    target: ctx.target,
    regions: [...ctx.plan.regions],
    strict: ctx.options.strict,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date(startedAt.getTime() + durationMs).toISOString(),
    durationMs: roundMs(durationMs),
    totals: run.totals,
    suites: run.suites,
  };
}
