import type { Dispatcher } from "undici";
import type { PlannedSuite } from "../model";
import type { RunEnv } from "./run-context";
import type { VariableScope } from "./variables";

/** One suite in one region while it runs: the run's shared parts and the suite's own variables. */
export interface SuiteRun {
  env: RunEnv;
  item: PlannedSuite;
  scope: VariableScope;
  /** the lane its requests go through while it sends (Lanes); taken for setup and steps, and again for teardown */
  lane?: Dispatcher;
}
