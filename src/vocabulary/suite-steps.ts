import type { Phase, Step, Suite } from "../model";

const ALL_PHASES: readonly Phase[] = ["setup", "steps", "teardown"];

/**
 * The steps of a suite's phases in run order, one after the other, never copied into one list: a large suite's
 * phases are read back from the start-up cache a part at a time, and a copy would hold every step at once.
 */
export function* suiteSteps(suite: Suite, phases: readonly Phase[] = ALL_PHASES): Generator<Step, void> {
  for (const phase of phases) yield* suite[phase];
}

/** How many steps a suite has, in all phases. */
export function stepCount(suite: Suite): number {
  return suite.setup.length + suite.steps.length + suite.teardown.length;
}
