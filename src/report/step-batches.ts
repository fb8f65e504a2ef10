import type { PlannedSuite, RunEvents, StepResult, SuiteResult } from "../model";

/** Who a suite run is, as its result names it: what a listener knows of a suite before it ends. */
export type SuiteIdentity = Pick<SuiteResult, "key" | "suiteId" | "name" | "file" | "region">;

/** What a listener does with one suite's steps: takes them in a state of its own (keeping what it needs), then ends the suite. */
export interface StepBatchHandler<S> {
  begin(suite: SuiteIdentity, item?: PlannedSuite): S;
  /** the suite's next steps, in order, a few at a time */
  steps(state: S, steps: StepResult[]): void;
  /** the suite is done; `result.steps` may be empty (the run keeps no results): they came through `steps` */
  end(state: S, result: SuiteResult, item?: PlannedSuite): void;
}

/** A reporter that also takes finished suites handed over one at a time, in order (a merge copying records). */
export interface WholeSuites {
  /** writes one finished suite now, as if it had run; onRunEnd then needs a result without it */
  addWhole(result: SuiteResult): void;
}

/** The run events that feed a handler, and a way to hand it a suite whole. */
export interface StepBatchEvents extends Required<Pick<RunEvents, "onStepResult" | "onSuiteEnd">> {
  /** a suite no event announced (the cleanup check's record, a result handed over whole) */
  whole(result: SuiteResult, item?: PlannedSuite): void;
}

/**
 * Steps are handed on this many at a time: a suite of a few steps is handled at its end, as a whole (redaction knows
 * everything the suite taught it), a long one in batches, so no more than a batch of its results is held.
 */
const BATCH_STEPS = 100;

/**
 * Events that hand every step of a suite to `handler` once: as the runner records them (onStepResult), or from the
 * suite's result when no step came before its end (a suite handed over whole). When steps came, the result's own
 * steps are not looked at: they are none (a run that keeps no results) or the same ones.
 */
export function stepBatches<S>(handler: StepBatchHandler<S>): StepBatchEvents {
  const open = new Map<string, { state: S; batch: StepResult[] }>();
  const whole = (result: SuiteResult, item?: PlannedSuite): void => {
    const state = handler.begin(identityOf(result), item);
    for (let at = 0; at < result.steps.length; at += BATCH_STEPS) handler.steps(state, result.steps.slice(at, at + BATCH_STEPS));
    handler.end(state, result, item);
  };
  return {
    onStepResult(item, step) {
      let suite = open.get(item.key);
      if (!suite) {
        suite = { state: handler.begin(identityOfItem(item), item), batch: [] };
        open.set(item.key, suite);
      }
      suite.batch.push(step);
      if (suite.batch.length < BATCH_STEPS) return;
      handler.steps(suite.state, suite.batch);
      suite.batch = [];
    },
    onSuiteEnd(item, result) {
      const suite = open.get(item.key);
      if (!suite) return whole(result, item);
      open.delete(item.key);
      if (suite.batch.length > 0) handler.steps(suite.state, suite.batch);
      handler.end(suite.state, result, item);
    },
    whole,
  };
}

function identityOf(result: SuiteResult): SuiteIdentity {
  return { key: result.key, suiteId: result.suiteId, name: result.name, file: result.file, region: result.region };
}

function identityOfItem(item: PlannedSuite): SuiteIdentity {
  return { key: item.key, suiteId: item.suite.id, name: item.suite.name, file: item.suite.file, region: item.region };
}
