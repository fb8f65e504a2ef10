import type { Diagnostic, RunResult, StepResult } from "../model";
import { makeDiagnostic } from "../diagnostics";

// no connection could be made (to the API or its token endpoint); a timeout or a dropped connection means the target
// was there, so it is that step's error, not a run that could not happen
const UNREACHABLE = "CC_TARGET_UNREACHABLE";

/**
 * How a command ended, as data (cli/ maps it to the exit codes 0, 1, 2, 3 of the README): passed; failed = a
 * contract check failed or a step errored; invalid = the input was rejected before anything was sent;
 * could-not-run = the run could not happen (credentials rejected, target unreachable, interrupted, a report lost).
 */
export type ProjectStatus = "passed" | "failed" | "invalid" | "could-not-run";

/** The verdict on a finished run and, when it could not run, the diagnostic that says why. */
export interface RunVerdict {
  status: Exclude<ProjectStatus, "invalid">;
  reason?: Diagnostic;
}

/**
 * could-not-run when the run was interrupted, credentials were rejected or every step that ran could not connect to
 * the target at all; failed when a contract check failed or a step errored (a timeout, a lost connection); passed otherwise.
 */
export function runVerdict(result: RunResult, interrupted: boolean): RunVerdict {
  const steps: StepResult[] = result.suites.flatMap((s) => s.steps);
  if (interrupted) return { status: "could-not-run", reason: makeDiagnostic("CC_INTERRUPTED", "the run was interrupted; teardowns ran and the reports hold what finished") };
  const rejected = steps.find((s) => s.error?.code === "CC_CREDENTIALS_REJECTED");
  if (rejected) return { status: "could-not-run", reason: makeDiagnostic("CC_CREDENTIALS_REJECTED", rejected.error!.message) };
  const ran = steps.filter((s) => s.outcome !== "skipped");
  if (ran.length > 0 && ran.every((s) => s.error?.code === UNREACHABLE)) {
    return { status: "could-not-run", reason: makeDiagnostic("CC_TARGET_UNREACHABLE", `no step could reach ${result.target}: ${ran[0]!.error!.message}`) };
  }
  return { status: result.totals.failed > 0 || result.totals.errors > 0 ? "failed" : "passed" };
}
