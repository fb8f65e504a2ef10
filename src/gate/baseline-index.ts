import type { Outcome, Shape, StepRecord, SuiteRecord } from "../model";
import type { ResultsEntry } from "./read-results";
import { newTally, tallyFrame, tallyStep, tallySuite, type RunTally } from "./run-tally";

/** The compact facts of one baseline step the comparison needs: no bodies, messages or exchanges. */
export interface StepFacts {
  key: string;
  suiteKey: string;
  outcome: Outcome;
  status?: number;
  shape?: Shape;
  /** fingerprints of the step's schema violations */
  violations: readonly string[];
  /** fingerprints of the step's drift */
  drift: readonly string[];
  operationId: string | null;
  file: string;
  line: number;
  /** the candidate had this step */
  matched: boolean;
}

/** A suite (in one region) of the baseline. */
export interface BaselineSuite {
  key: string;
  region: string;
  file: string;
  /** keys of its steps, in run order */
  steps: string[];
}

/** The baseline as the comparison holds it while the candidate streams past. */
export interface BaselineIndex {
  tally: RunTally;
  steps: Map<string, StepFacts>;
  suites: Map<string, BaselineSuite>;
}

const NONE: readonly string[] = Object.freeze([]);

/** Reads a baseline stream into an index of compact facts per step key (whole records are let go). */
export async function indexBaseline(entries: AsyncIterable<ResultsEntry>): Promise<BaselineIndex> {
  const index: BaselineIndex = { tally: newTally(), steps: new Map(), suites: new Map() };
  const intern = interner();
  const internShape = shapeInterner();
  for await (const entry of entries) {
    if (tallyFrame(index.tally, entry) || entry.type !== "suite") continue;
    const suite = entry.suite;
    tallySuite(index.tally, suite);
    const file = intern(suite.file);
    const known = index.suites.get(suite.key);
    const keys = known?.steps ?? [];
    if (!known) index.suites.set(suite.key, { key: suite.key, region: intern(suite.region), file, steps: keys });
    for (const step of suite.steps) {
      tallyStep(index.tally, step, suite.key);
      index.steps.set(step.key, factsOf(step, suite, { intern, internShape }));
      keys.push(step.key);
    }
  }
  return index;
}

/** Shares repeated values between the facts of many steps. */
interface Interners {
  intern(s: string): string;
  internShape(shape: Shape): Shape;
}

/** The facts of one step, with repeated strings and shapes shared. */
export function factsOf(step: StepRecord, suite: SuiteRecord, { intern, internShape }: Interners): StepFacts {
  const violations = step.failures.length > 0 ? step.failures.flatMap((f) => (f.violations ?? []).map((v) => v.fingerprint)) : NONE;
  const drift = step.drift.length > 0 ? step.drift.map((d) => d.fingerprint) : NONE;
  const facts: StepFacts = {
    key: step.key,
    suiteKey: intern(suite.key),
    outcome: step.outcome,
    violations: violations.length > 0 ? violations : NONE,
    drift,
    operationId: step.operationId ? intern(step.operationId) : null,
    file: intern(step.file ?? suite.file),
    line: step.line,
    matched: false,
  };
  if (step.status !== undefined) facts.status = step.status;
  if (step.shape !== undefined) facts.shape = internShape(step.shape);
  return facts;
}

/**
 * Most steps of a run share a handful of shapes (one per operation and outcome); keeping one object per distinct
 * shape instead of one per step roughly halves what the index holds. A v3 file already shares them (shape ids);
 * a v2 file, or shapes past the writer's id limit, do not. Shapes are bucketed by size and last path,
 * then compared field by field (no signature strings to build).
 */
function shapeInterner(): (shape: Shape) => Shape {
  const buckets = new Map<string, Shape[]>();
  const seen = new WeakMap<Shape, Shape>(); // a v3 file hands out one object per shape id: the usual case is one lookup
  return (shape) => {
    const known = seen.get(shape);
    if (known) return known;
    const shared = shareShape(buckets, shape);
    seen.set(shape, shared);
    return shared;
  };
}

function shareShape(buckets: Map<string, Shape[]>, shape: Shape): Shape {
  const paths = Object.keys(shape);
  const bucketKey = `${paths.length}|${paths[paths.length - 1] ?? ""}`;
  const bucket = buckets.get(bucketKey);
  if (!bucket) {
    buckets.set(bucketKey, [shape]);
    return shape;
  }
  const same = bucket.find((known) => paths.every((p) => known[p] === shape[p]));
  if (same) return same;
  if (bucket.length < MAX_BUCKET) bucket.push(shape);
  return shape;
}

/** Shapes kept per bucket: a run whose shapes all differ must not make each lookup slower. */
const MAX_BUCKET = 16;

function interner(): (s: string) => string {
  const pool = new Map<string, string>();
  return (s) => {
    const hit = pool.get(s);
    if (hit !== undefined) return hit;
    pool.set(s, s);
    return s;
  };
}
