import type { GateRunSummary, RunFooter, RunHeader, StepRecord, SuiteRecord } from "../model";
import type { ResultsEntry } from "./read-results";
import { addSamples } from "./latency";

/** What a run did with one operation. */
export interface OperationTally {
  /** keys of the suites whose steps ran it */
  suites: Set<string>;
  /** every attempt's duration */
  samples: number[];
}

/** What the gate keeps of a whole run while its records stream past: counts and sets, never records. */
export interface RunTally {
  file?: string;
  header?: RunHeader;
  footer?: RunFooter;
  truncated: boolean;
  /** keys of its suites (a suite amended after it ended has a second record with the same key) */
  suites: Set<string>;
  stepsRun: number;
  /** the regions its suites ran in (a check across regions, such as the emulator's cleanup "us,eu", is none) */
  regions: Set<string>;
  /** operation ids of steps that ran, with who ran them and how long they took */
  operations: Map<string, OperationTally>;
}

/** An empty tally. */
export function newTally(): RunTally {
  return { truncated: false, suites: new Set(), stepsRun: 0, regions: new Set(), operations: new Map() };
}

/** Records the header or the end of a results file; returns false for a suite entry (the caller's business). */
export function tallyFrame(tally: RunTally, entry: ResultsEntry): boolean {
  if (entry.type === "header") {
    tally.header = entry.header;
    tally.file = entry.file;
    return true;
  }
  if (entry.type === "end") {
    tally.footer = entry.footer;
    tally.truncated = entry.truncated;
    return true;
  }
  return false;
}

/** Counts a suite record and its region (a check across regions, such as the emulator's cleanup "us,eu", is no region). */
export function tallySuite(tally: RunTally, suite: SuiteRecord): void {
  tally.suites.add(suite.key);
  if (!suite.region.includes(",")) tally.regions.add(suite.region);
}

/** Counts a step of a suite: whether it ran, its operation, its attempts' durations. */
export function tallyStep(tally: RunTally, step: StepRecord, suiteKey: string): void {
  if (step.outcome === "skipped") return;
  tally.stepsRun++;
  if (!step.operationId) return;
  let op = tally.operations.get(step.operationId);
  if (!op) tally.operations.set(step.operationId, (op = { suites: new Set(), samples: [] }));
  op.suites.add(suiteKey);
  addSamples(op.samples, step.attempts ?? []);
}

/** The summary of a run the gate reports. */
export function summarize(tally: RunTally): GateRunSummary {
  const header = tally.header;
  return {
    ...(tally.file !== undefined ? { file: tally.file } : {}),
    target: header?.target ?? "",
    apiVersion: header?.apiVersion ?? "",
    toolVersion: header?.tool?.version ?? "",
    startedAt: header?.startedAt ?? "",
    suites: tally.suites.size,
    stepsRun: tally.stepsRun,
    truncated: tally.truncated,
    interrupted: tally.footer?.interrupted ?? false,
  };
}
