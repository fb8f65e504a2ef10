import type { Contract, Diagnostic, RequestTemplate, SourcePos, Step, Suite } from "../model";
import { suiteSteps } from "../vocabulary/suite-steps";

/** What the static checks know besides the suites. */
export interface CheckContext {
  requests: Map<string, RequestTemplate>;
  contract: Contract;
  /** names the run provides besides vocabulary/run-variables (a Postman environment's keys) */
  runVariables?: string[];
}

/** One suite being checked, with the sink its diagnostics go to. */
export interface SuiteCheck {
  suite: Suite;
  ctx: CheckContext;
  /** every suite of the run by id (for needs and exports) */
  suitesById: Map<string, Suite>;
  out: Diagnostic[];
}

/** Position of a step's field, falling back to the step itself. */
export function fieldAt(step: Step, field: string): SourcePos {
  return step.fieldPos[field] ?? step.pos;
}

/** Position of a suite's field, falling back to the suite itself. */
export function suiteFieldAt(suite: Suite, field: string): SourcePos {
  return suite.fieldPos[field] ?? suite.pos;
}

/** All steps of a suite in run order (read as they come: a large suite's steps are not all held at once). */
export function allSteps(suite: Suite): Iterable<Step> {
  return suiteSteps(suite);
}

/** Where a step sits, for messages: `step "create contact"`. */
export function stepLabel(step: Step): string {
  return `step "${step.name}"`;
}
