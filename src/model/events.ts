import type { Plan, PlannedSuite } from "./plan";
import type { RunResult, StepResult, SuiteResult } from "./result";
import type { Step } from "./suite";

/** Listeners on a run; reporters implement the ones they need. The runner never prints. */
export interface RunEvents {
  onRunStart?(plan: Plan): void;
  onSuiteStart?(item: PlannedSuite): void;
  onStepStart?(item: PlannedSuite, step: Step): void;
  onStepResult?(item: PlannedSuite, result: StepResult): void;
  onSuiteEnd?(item: PlannedSuite, result: SuiteResult): void;
  onRunEnd?(result: RunResult): void | Promise<void>;
}
