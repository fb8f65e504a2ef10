import type { Step, StepResult } from "../model";
import { expectationPos } from "../vocabulary/expectation-fields";

/** What a report calls the step's request: "Folder/Name", "POST <url template>" or "callback TRIGGER". */
export function stepLabel(step: Step): string {
  if (step.kind === "callback") return `callback ${step.callback.trigger}`;
  return step.request ?? `${(step.method ?? "GET").toUpperCase()} ${step.url ?? ""}`;
}

/** A fresh result for a step about to run. */
export function newResult(step: Step, label: string): StepResult {
  return {
    name: step.name, phase: step.phase, file: step.pos.file, line: step.pos.line, column: step.pos.column,
    outcome: "passed", request: label, durationMs: 0, attempts: [], flaky: false, failures: [], drift: [],
  };
}

/** A step that did not run, and why. */
export function skippedResult(step: Step, reason: string): StepResult {
  const result = newResult(step, stepLabel(step));
  result.outcome = "skipped";
  result.skipReason = reason;
  return result;
}

/** Mark a result as a tool or network problem. */
export function setError(result: StepResult, code: string, message: string): void {
  result.outcome = "error";
  result.error = { code, message };
}

/**
 * Settle the outcome from the failures (an error stays an error) and whether it passed only after a retry; each
 * failure learns the line of the expectation it is about.
 */
export function settle(result: StepResult, step: Step): void {
  for (const failure of result.failures) {
    const pos = failure.line === undefined ? expectationPos(step, failure) : undefined;
    if (pos) Object.assign(failure, { line: pos.line, column: pos.column });
  }
  if (result.outcome === "passed" && result.failures.length > 0) result.outcome = "failed";
  result.flaky = result.outcome === "passed" && result.attempts.some(isTransientRetry);
}

function isTransientRetry(a: { retryReason?: string }): boolean {
  return a.retryReason !== undefined && a.retryReason !== "poll" && a.retryReason !== "token expired";
}
