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
  name: string;
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
      index.steps.set(step.key, factsOf(step, suite, intern));
      keys.push(step.key);
    }
  }
  return index;
}

/** The facts of one step, with repeated strings shared. */
export function factsOf(step: StepRecord, suite: SuiteRecord, intern: (s: string) => string): StepFacts {
  const violations = (step.failures ?? []).flatMap((f) => (f.violations ?? []).map((v) => v.fingerprint));
  const drift = (step.drift ?? []).map((d) => d.fingerprint);
  const facts: StepFacts = {
    key: step.key,
    suiteKey: intern(suite.key),
    outcome: step.outcome,
    violations: violations.length > 0 ? violations : NONE,
    drift: drift.length > 0 ? drift : NONE,
    operationId: step.operationId ? intern(step.operationId) : null,
    name: displayName(step),
    file: intern(step.file ?? suite.file),
    line: step.line,
    matched: false,
  };
  if (step.status !== undefined) facts.status = step.status;
  if (step.shape !== undefined) facts.shape = step.shape;
  return facts;
}

/** A step's name as reports show it: the phase in front outside the main steps. */
export function displayName(step: { name: string; phase: string }): string {
  return step.phase === "steps" || !step.phase ? step.name : `${step.phase}: ${step.name}`;
}

function interner(): (s: string) => string {
  const pool = new Map<string, string>();
  return (s) => {
    const hit = pool.get(s);
    if (hit !== undefined) return hit;
    pool.set(s, s);
    return s;
  };
}
