import type { Diagnostic, RunResult, StepResult } from "../model";
import { makeDiagnostic } from "../diagnostics";
import { EXIT } from "./io";

// a token endpoint that cannot be reached fails every step with CC_TOKEN_FAILED before any request is sent
const UNREACHABLE = new Set(["CC_NETWORK_ERROR", "CC_TARGET_UNREACHABLE", "CC_TOKEN_FAILED", "CC_TIMEOUT"]);

/** The exit code of a finished run and, for exit 3, the diagnostic that says why. */
export interface RunVerdict {
  code: number;
  reason?: Diagnostic;
}

/**
 * 0 all passed; 1 a contract check failed or a step errored; 3 the run could not happen: credentials were
 * rejected, every step that ran failed to reach the target, or the run was interrupted.
 */
export function runVerdict(result: RunResult, interrupted: boolean): RunVerdict {
  const steps: StepResult[] = result.suites.flatMap((s) => s.steps);
  if (interrupted) return { code: EXIT.couldNotRun, reason: makeDiagnostic("CC_INTERRUPTED", "the run was interrupted; teardowns ran and the reports hold what finished") };
  const rejected = steps.find((s) => s.error?.code === "CC_CREDENTIALS_REJECTED");
  if (rejected) return { code: EXIT.couldNotRun, reason: makeDiagnostic("CC_CREDENTIALS_REJECTED", rejected.error!.message) };
  const ran = steps.filter((s) => s.outcome !== "skipped");
  if (ran.length > 0 && ran.every((s) => s.error && UNREACHABLE.has(s.error.code))) {
    return { code: EXIT.couldNotRun, reason: makeDiagnostic("CC_TARGET_UNREACHABLE", `no step could reach ${result.target}: ${ran[0]!.error!.message}`) };
  }
  return { code: result.totals.failed > 0 || result.totals.errors > 0 ? EXIT.failed : EXIT.ok };
}

/** Just the exit code of runVerdict. */
export function exitCodeFor(result: RunResult, interrupted: boolean): number {
  return runVerdict(result, interrupted).code;
}
