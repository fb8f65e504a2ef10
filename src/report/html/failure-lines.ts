import type { Step, StepResult } from "../../model";
import { expectationPos } from "../../vocabulary/expectation-fields";

/** The lines of a step's suite file that its failures point at, in order, without repeats; never empty. */
export function failureLines(result: StepResult, step: Step | undefined): number[] {
  const lines = result.failures.map((f) => f.line ?? (step ? expectationPos(step, f)?.line : undefined) ?? result.line);
  return lines.length > 0 ? [...new Set(lines)] : [result.line];
}
