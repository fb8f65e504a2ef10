import type { GateFinding, Shape, StepRecord, SuiteRecord } from "../model";
import type { StepFacts } from "./baseline-index";
import { makeFinding, type FindingInput } from "./findings";
import { diffShapes, type ShapeDifference } from "./shape-diff";

/** A step of the candidate and what the baseline knew of the same step key. */
export interface StepPair {
  base: StepFacts;
  step: StepRecord;
  suite: SuiteRecord;
}

type Detail = Omit<FindingInput, "stepKey" | "suiteKey" | "region" | "file" | "line">;

/** Every difference of one step between the runs: outcome, status, shape, violations, drift. */
export function compareStep(pair: StepPair, out: GateFinding[]): void {
  if (isUnchanged(pair)) return; // most steps of a run: nothing to allocate for them
  const { step, suite } = pair;
  const at = {
    stepKey: step.key, suiteKey: suite.key, region: suite.region, file: step.file ?? suite.file, line: step.line,
    ...(step.operationId ? { operationId: step.operationId } : {}),
  };
  const add = (detail: Detail) => out.push(makeFinding({ ...at, ...detail }));
  compareOutcome(pair, add);
  compareStatus(pair, add);
  compareShape(pair, add);
  compareViolations(pair, add);
  compareDrift(pair, add);
}

/** The same outcome, status and shape, no failures and no drift: no finding can come of this step. */
function isUnchanged({ base, step }: StepPair): boolean {
  return base.outcome === step.outcome && base.status === step.status && step.failures.length === 0 && step.drift.length === 0
    && (!base.shape || !step.shape || shapeDifferences(base.shape, step.shape).length === 0);
}

/**
 * Shape differences by baseline shape and candidate shape. Steps share a handful of shape objects (results.json
 * writes each shape once and the reader hands out that one object), so each pair is compared once.
 */
const differencesByPair = new WeakMap<Shape, WeakMap<Shape, ShapeDifference[]>>();

function shapeDifferences(baseline: Shape, candidate: Shape): ShapeDifference[] {
  let byCandidate = differencesByPair.get(baseline);
  if (!byCandidate) differencesByPair.set(baseline, (byCandidate = new WeakMap()));
  let differences = byCandidate.get(candidate);
  if (!differences) byCandidate.set(candidate, (differences = diffShapes(baseline, candidate)));
  return differences;
}

function compareOutcome({ base, step }: StepPair, add: (d: Detail) => void): void {
  const was = base.outcome;
  const now = step.outcome;
  if (was === "passed" && (now === "failed" || now === "error")) {
    add({ class: "step-now-fails", baseline: was, candidate: now, message: `passed in the baseline, now ${now}: ${firstProblem(step)}` });
  } else if ((was === "failed" || was === "error") && now === "passed") {
    add({ class: "step-now-passes", baseline: was, candidate: now, message: `${was} in the baseline, now passes` });
  } else if (was !== "skipped" && now === "skipped") {
    const why = step.skipReason ? ` (${step.skipReason})` : "";
    add({ class: "step-missing", baseline: was, candidate: now, message: `ran in the baseline, skipped now${why}` });
  }
}

function firstProblem(step: StepRecord): string {
  if (step.error) return `${step.error.code}: ${step.error.message}`;
  const first = step.failures[0];
  if (!first) return "no failure recorded";
  return step.failures.length > 1 ? `${first.message} (and ${step.failures.length - 1} more)` : first.message;
}

function compareStatus({ base, step }: StepPair, add: (d: Detail) => void): void {
  if (base.status === undefined || step.status === undefined || base.status === step.status) return;
  add({ class: "status-changed", baseline: String(base.status), candidate: String(step.status), message: `status ${base.status} in the baseline, now ${step.status}` });
}

function compareShape({ base, step }: StepPair, add: (d: Detail) => void): void {
  // another status answers with another body (an error envelope): the status change is the finding, not its fields
  if (!base.shape || !step.shape || base.status !== step.status) return;
  const body = step.request?.startsWith("callback ") ? "callback" : "response";
  for (const d of shapeDifferences(base.shape, step.shape)) {
    const message =
      d.class === "field-gone" ? `${d.path} (${d.baseline}) is gone from the ${body}`
      : d.class === "type-changed" ? `${d.path} was ${d.baseline} in the baseline, now ${d.candidate}`
      : `new field ${d.path} (${d.candidate}) in the ${body}`;
    add({ ...d, message });
  }
}

function compareViolations({ base, step }: StepPair, add: (d: Detail) => void): void {
  const seen = new Set<string>(); // a rule broken twice at one path (under anyOf, say) is one finding
  for (const failure of step.failures) {
    for (const v of failure.violations ?? []) {
      if (base.violations.includes(v.fingerprint) || seen.has(v.fingerprint)) continue;
      seen.add(v.fingerprint);
      const where = v.instancePath || "(root)";
      add({ class: "new-violation", path: v.instancePath, candidate: v.keyword, message: `new schema violation at ${where}${failure.schema ? ` (${failure.schema})` : ""}: ${v.keyword}: ${v.message}` });
    }
  }
}

function compareDrift({ base, step }: StepPair, add: (d: Detail) => void): void {
  for (const d of step.drift) {
    if (base.drift.includes(d.fingerprint)) continue;
    add({ class: "new-drift", path: d.instancePath, candidate: d.schema, message: `new drift: ${d.instancePath || "(root)"} is not in schema ${d.schema}` });
  }
}
