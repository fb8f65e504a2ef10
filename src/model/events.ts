import type { Plan, PlannedSuite } from "./plan";
import type { Exchange, RunResult, StepResult, SuiteResult } from "./result";
import type { Step } from "./suite";

/** What a run has opened when it starts, for a reporter to show. */
export interface RunStartInfo {
  /** base URL the run's webhook receiver listens on, e.g. http://127.0.0.1:8788 */
  callbackReceiver: string;
  /** the public URL given to forward callbacks to it (--callback-url) */
  callbackUrl?: string;
}

/** Listeners on a run; reporters implement the ones they need. The runner never prints. */
export interface RunEvents {
  onRunStart?(plan: Plan, info?: RunStartInfo): void;
  onSuiteStart?(item: PlannedSuite): void;
  onStepStart?(item: PlannedSuite, step: Step): void;
  /** every attempt of a request step as it happens, redacted; only when the run is verbose */
  onExchange?(item: PlannedSuite, step: Step, exchange: Exchange): void;
  /** every step's result as it is recorded, in the suite's order */
  onStepResult?(item: PlannedSuite, result: StepResult): void;
  /**
   * a suite's result when it is done; its `steps` are empty when the run keeps no results (keepResults false):
   * they came through onStepResult (report/step-batches.ts gives a listener each step once either way)
   */
  onSuiteEnd?(item: PlannedSuite, result: SuiteResult): void;
  onRunEnd?(result: RunResult): void | Promise<void>;
}
