import type { Diagnostic, RunResult, StepResult, SuiteResult } from "../model";
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

/** What the verdict needs of one finished suite: counted as it finishes, so a run need not keep its results. */
export interface SuiteFacts {
  /** the message of its first step whose credentials were rejected */
  rejected?: string;
  /** steps that ran (were not skipped), and how many of them could not connect to the target */
  ran: number;
  unreachable: number;
  /** the error message of its first step that ran */
  firstRan?: string;
}

/** The verdict's facts of one suite. */
export function suiteFacts(suite: SuiteResult): SuiteFacts {
  const facts: SuiteFacts = { ran: 0, unreachable: 0 };
  for (const step of suite.steps) addStepFacts(facts, step);
  return facts;
}

/** Adds one more step of a suite to its facts (a suite whose steps come one by one). */
export function addStepFacts(facts: SuiteFacts, step: StepResult): SuiteFacts {
  if (step.error?.code === "CC_CREDENTIALS_REJECTED") facts.rejected ??= step.error.message;
  if (step.outcome === "skipped") return facts;
  if (facts.ran === 0) facts.firstRan = step.error?.message;
  facts.ran += 1;
  if (step.error?.code === UNREACHABLE) facts.unreachable += 1;
  return facts;
}

/**
 * could-not-run when the run was interrupted, credentials were rejected or every step that ran could not connect to
 * the target at all; failed when a contract check failed or a step errored (a timeout, a lost connection); passed otherwise.
 * `facts`: those of every suite in the run's order, when the result does not hold its suites (a run that released them).
 */
export function runVerdict(result: RunResult, interrupted: boolean, facts: SuiteFacts[] = result.suites.map(suiteFacts)): RunVerdict {
  if (interrupted) return { status: "could-not-run", reason: makeDiagnostic("CC_INTERRUPTED", "the run was interrupted; teardowns ran and the reports hold what finished") };
  const rejected = facts.find((f) => f.rejected !== undefined);
  if (rejected) return { status: "could-not-run", reason: makeDiagnostic("CC_CREDENTIALS_REJECTED", rejected.rejected!) };
  const ran = facts.filter((f) => f.ran > 0);
  if (ran.length > 0 && ran.every((f) => f.unreachable === f.ran)) {
    return { status: "could-not-run", reason: makeDiagnostic("CC_TARGET_UNREACHABLE", `no step could reach ${result.target}: ${ran[0]!.firstRan!}`) };
  }
  return { status: result.totals.failed > 0 || result.totals.errors > 0 ? "failed" : "passed" };
}
