import type { RunResult, StepResult } from "../model";
import { EXIT } from "./io";

const COULD_NOT_RUN = new Set(["CC_CREDENTIALS_REJECTED"]);
// a token endpoint that cannot be reached fails every step with CC_TOKEN_FAILED before any request is sent
const UNREACHABLE = new Set(["CC_NETWORK_ERROR", "CC_TARGET_UNREACHABLE", "CC_TOKEN_FAILED", "CC_TIMEOUT"]);

/**
 * 0 all passed; 1 a contract check failed or a step errored; 3 the run could not happen: credentials were
 * rejected, every step that ran failed to reach the target, or the run was interrupted.
 */
export function exitCodeFor(result: RunResult, interrupted: boolean): number {
  const steps: StepResult[] = result.suites.flatMap((s) => s.steps);
  if (interrupted) return EXIT.couldNotRun;
  if (steps.some((s) => s.error && COULD_NOT_RUN.has(s.error.code))) return EXIT.couldNotRun;
  const ran = steps.filter((s) => s.outcome !== "skipped");
  if (ran.length > 0 && ran.every((s) => s.error && UNREACHABLE.has(s.error.code))) return EXIT.couldNotRun;
  return result.totals.failed > 0 || result.totals.errors > 0 ? EXIT.failed : EXIT.ok;
}
