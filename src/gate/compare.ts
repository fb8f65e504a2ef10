import type { ComparedSuite, GateFinding, GateResult, SuiteRecord } from "../model";
import type { ResultsEntry } from "./read-results";
import { stepLabelOfKey } from "../vocabulary/step-key";
import { indexBaseline, type BaselineIndex } from "./baseline-index";
import { compareStep } from "./compare-step";
import { makeFinding, sortFindings } from "./findings";
import { DEFAULT_LATENCY_RULE, findSlowdowns, type LatencyRule } from "./latency";
import { mergeTallies, newTally, summarize, tallyFrame, tallyStep, tallySuite, type RunTally } from "./run-tally";

/** Options of a comparison. */
export interface CompareOptions {
  /** when an operation counts as slower (issue 8 defaults: 1.5x, +50 ms, 3 samples) */
  latency?: Partial<LatencyRule>;
}

/** A compared suite and where it stands in the report: candidate suites in run order, then the baseline's missing ones. */
interface PlacedSuite {
  suite: ComparedSuite;
  /** the candidate's line of its first record, or past every candidate line: the baseline's line */
  order: number;
  /** a baseline suite the candidate lacks, in this region (its finding is dropped when the whole region is missing) */
  missingIn?: string;
}

/**
 * What comparing some of the suites found (all of them, or those of one part when the comparison is split across
 * threads: a suite's records and steps always fall in one part). Findings about regions and operations need every
 * part, so they are left to finishComparison. Structured-clonable: a worker thread sends it back as is.
 */
export interface ComparisonPart {
  /** the tallies, without their operations' suites (see exercised) */
  base: RunTally;
  cand: RunTally;
  /** operations of the baseline some of whose suites here ran in the candidate too */
  exercised: string[];
  /** step and suite findings; suite-added and suite-missing are judged against the regions in finishComparison */
  findings: GateFinding[];
  placed: PlacedSuite[];
}

/** Past every line number of a candidate: baseline-only suites sort after the candidate's. */
const AFTER_CANDIDATE = 2 ** 40;

/** State of one part while the candidate streams past. */
interface PartContext {
  base: BaselineIndex;
  cand: RunTally;
  findings: GateFinding[];
  placed: Map<string, PlacedSuite>;
}

/**
 * Compares a candidate run with a baseline, each a stream of results entries (see readResults). The baseline is
 * held as an index of compact facts per step key; the candidate is compared record by record and let go. Steps are
 * matched by key, so the order of suites, ids, times and line numbers never make a finding.
 */
export async function compareRuns(
  baseline: AsyncIterable<ResultsEntry>,
  candidate: AsyncIterable<ResultsEntry>,
  options: CompareOptions = {},
): Promise<GateResult> {
  return finishComparison([await comparePart(baseline, candidate)], options);
}

/** Compares the suites of both streams (or of one part of them) and everything about them. */
export async function comparePart(baseline: AsyncIterable<ResultsEntry>, candidate: AsyncIterable<ResultsEntry>): Promise<ComparisonPart> {
  const ctx: PartContext = { base: await indexBaseline(baseline), cand: newTally(), findings: [], placed: new Map() };
  for await (const entry of candidate) {
    if (!tallyFrame(ctx.cand, entry) && entry.type === "suite") compareSuite(ctx, entry.suite, entry.line);
  }
  addMissingSuitesAndSteps(ctx);
  const { base: { tally: base }, cand } = ctx;
  const exercised = [...base.operationSuites].filter(([, suites]) => [...suites].some((key) => cand.suites.has(key))).map(([id]) => id);
  return { base: withoutOperationSuites(base), cand: withoutOperationSuites(cand), exercised, findings: ctx.findings, placed: [...ctx.placed.values()] };
}

/** A tally as a part hands it on: the suites of each operation were only needed for `exercised`. */
function withoutOperationSuites(tally: RunTally): RunTally {
  return { ...tally, operationSuites: new Map() };
}

function compareSuite(ctx: PartContext, suite: SuiteRecord, line: number): void {
  tallySuite(ctx.cand, suite);
  const firstSight = !ctx.placed.has(suite.key);
  const compared = placedSuite(ctx, suite.key, suite.file, line).suite;
  const known = ctx.base.suites.has(suite.key);
  if (!known && firstSight) {
    ctx.findings.push(makeFinding({ class: "suite-added", suiteKey: suite.key, region: suite.region, file: suite.file, message: `suite ${suite.key} is new` }));
  }
  for (const step of suite.steps) {
    tallyStep(ctx.cand, step, suite.key);
    compared.steps.push(step.key);
    const base = ctx.base.steps.get(step.key);
    if (base) {
      base.matched = true;
      compareStep({ base, step, suite }, ctx.findings);
    } else if (known) {
      ctx.findings.push(makeFinding({ class: "step-added", stepKey: step.key, suiteKey: suite.key, region: suite.region, ...operationOf(step), file: step.file, line: step.line, message: `step "${stepLabelOfKey(suite.key, step.key)}" is new` }));
    }
  }
}

function placedSuite(ctx: PartContext, key: string, file: string | undefined, order: number): PlacedSuite {
  let placed = ctx.placed.get(key);
  if (!placed) {
    placed = { suite: { key, ...(file !== undefined ? { file } : {}), steps: [] }, order };
    ctx.placed.set(key, placed);
  }
  return placed;
}

/** Suites and steps of the baseline the candidate did not run (whether a whole region is missing is decided later). */
function addMissingSuitesAndSteps(ctx: PartContext): void {
  const { base, findings } = ctx;
  for (const suite of base.suites.values()) {
    const placed = ctx.placed.get(suite.key);
    if (!placed) {
      placedSuite(ctx, suite.key, suite.file, AFTER_CANDIDATE + suite.line).missingIn = suite.region;
      findings.push(makeFinding({ class: "suite-missing", suiteKey: suite.key, region: suite.region, file: suite.file, message: `suite ${suite.key} of the baseline did not run` }));
      continue;
    }
    for (const key of suite.steps) {
      const step = base.steps.get(key);
      if (!step || step.matched) continue;
      step.matched = true; // a step key listed twice is reported once
      placed.suite.steps.push(key);
      findings.push(makeFinding({ class: "step-missing", stepKey: key, suiteKey: suite.key, region: suite.region, ...operationOf(step), file: step.file, line: step.line, baseline: step.outcome, message: `step "${stepLabelOfKey(suite.key, key)}" of the baseline did not run` }));
    }
  }
}

/**
 * The comparison of every part together: what only the whole runs can tell (regions, operations, latency), each
 * finding at the highest level only (a missing region is not also every suite of it), in a stable order.
 */
export function finishComparison(parts: ComparisonPart[], options: CompareOptions = {}): GateResult {
  const base = mergeTallies(parts.map((p) => p.base));
  const cand = mergeTallies(parts.map((p) => p.cand));
  const regionGone = (region: string) => base.regions.has(region) && !cand.regions.has(region);
  const regionNew = (region: string) => cand.regions.has(region) && !base.regions.has(region);
  const findings: GateFinding[] = [];
  for (const region of base.regions) {
    if (!cand.regions.has(region)) findings.push(makeFinding({ class: "region-missing", region, message: `region ${region} of the baseline did not run` }));
  }
  for (const region of cand.regions) {
    if (!base.regions.has(region)) findings.push(makeFinding({ class: "region-added", region, message: `region ${region} is new` }));
  }
  for (const f of parts.flatMap((p) => p.findings)) {
    if (f.class === "suite-missing" && regionGone(f.region!)) continue; // said by region-missing
    if (f.class === "suite-added" && regionNew(f.region!)) continue; // said by region-added
    findings.push(f);
  }
  addMissingOperations(base, cand, new Set(parts.flatMap((p) => p.exercised)), findings);
  addSlowdowns(base, cand, { ...DEFAULT_LATENCY_RULE, ...options.latency }, findings);
  const placed = parts.flatMap((p) => p.placed).filter((p) => !(p.missingIn !== undefined && regionGone(p.missingIn)));
  return {
    baseline: summarize(base),
    candidate: summarize(cand),
    compared: placed.sort((a, b) => a.order - b.order).map((p) => p.suite),
    findings: sortFindings(findings),
  };
}

function addMissingOperations(base: RunTally, cand: RunTally, exercised: Set<string>, findings: GateFinding[]): void {
  for (const operationId of base.operations.keys()) {
    // an operation only missing suites exercised is already reported with them
    if (!cand.operations.has(operationId) && exercised.has(operationId)) findings.push(makeFinding({ class: "operation-missing", operationId, message: `operation ${operationId} was exercised by the baseline, not by the candidate` }));
  }
}

function addSlowdowns(base: RunTally, cand: RunTally, rule: LatencyRule, findings: GateFinding[]): void {
  for (const s of findSlowdowns(base.operations, cand.operations, rule)) {
    findings.push(makeFinding({
      class: "slower",
      operationId: s.operationId,
      baseline: `${round(s.baselineMs)}ms`,
      candidate: `${round(s.candidateMs)}ms`,
      message: `median ${round(s.candidateMs)}ms over ${s.candidateSamples} attempts, ${round(s.baselineMs)}ms over ${s.baselineSamples} in the baseline (limit: ${rule.ratio}x and +${rule.floorMs}ms)`,
    }));
  }
}

function operationOf(step: { operationId: string | null }): { operationId?: string } {
  return step.operationId ? { operationId: step.operationId } : {};
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
