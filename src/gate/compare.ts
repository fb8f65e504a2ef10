import type { ComparedSuite, GateFinding, GateResult, SuiteRecord } from "../model";
import type { ResultsEntry } from "./read-results";
import { stepLabelOfKey } from "../vocabulary/step-key";
import { indexBaseline, type BaselineIndex } from "./baseline-index";
import { compareStep } from "./compare-step";
import { makeFinding, sortFindings } from "./findings";
import { DEFAULT_LATENCY_RULE, findSlowdowns, type LatencyRule } from "./latency";
import { newTally, summarize, tallyFrame, tallyStep, tallySuite, type RunTally } from "./run-tally";

/** Options of a comparison. */
export interface CompareOptions {
  /** when an operation counts as slower (issue 8 defaults: 1.5x, +50 ms, 3 samples) */
  latency?: Partial<LatencyRule>;
}

/** State of one comparison while the candidate streams past. */
interface CompareContext {
  base: BaselineIndex;
  cand: RunTally;
  findings: GateFinding[];
  compared: Map<string, ComparedSuite>;
  /** regions of the candidate the baseline lacks, reported once each */
  addedRegions: Set<string>;
  /** keys of the candidate's suites */
  suitesSeen: Set<string>;
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
  const ctx: CompareContext = {
    base: await indexBaseline(baseline),
    cand: newTally(),
    findings: [],
    compared: new Map(),
    addedRegions: new Set(),
    suitesSeen: new Set(),
  };
  for await (const entry of candidate) {
    if (!tallyFrame(ctx.cand, entry) && entry.type === "suite") compareSuite(ctx, entry.suite);
  }
  addMissing(ctx);
  addSlowdowns(ctx, { ...DEFAULT_LATENCY_RULE, ...options.latency });
  return {
    baseline: summarize(ctx.base.tally),
    candidate: summarize(ctx.cand),
    compared: [...ctx.compared.values()],
    findings: sortFindings(ctx.findings),
  };
}

function compareSuite(ctx: CompareContext, suite: SuiteRecord): void {
  tallySuite(ctx.cand, suite);
  const firstSight = !ctx.suitesSeen.has(suite.key);
  ctx.suitesSeen.add(suite.key);
  const compared = comparedSuite(ctx, suite.key, suite.file);
  const known = ctx.base.suites.has(suite.key);
  if (ctx.cand.regions.has(suite.region) && !ctx.base.tally.regions.has(suite.region)) noteAddedRegion(ctx, suite);
  else if (!known && firstSight) {
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

function comparedSuite(ctx: CompareContext, key: string, file?: string): ComparedSuite {
  let compared = ctx.compared.get(key);
  if (!compared) {
    compared = { key, ...(file !== undefined ? { file } : {}), steps: [] };
    ctx.compared.set(key, compared);
  }
  return compared;
}

function noteAddedRegion(ctx: CompareContext, suite: SuiteRecord): void {
  if (ctx.addedRegions.has(suite.region)) return;
  ctx.addedRegions.add(suite.region);
  ctx.findings.push(makeFinding({ class: "region-added", region: suite.region, message: `region ${suite.region} is new` }));
}

/** What the baseline ran and the candidate did not: reported at the highest level only (region, suite, step). */
function addMissing(ctx: CompareContext): void {
  const { base, cand, findings } = ctx;
  for (const region of base.tally.regions) {
    if (!cand.regions.has(region)) findings.push(makeFinding({ class: "region-missing", region, message: `region ${region} of the baseline did not run` }));
  }
  for (const suite of base.suites.values()) {
    if (base.tally.regions.has(suite.region) && !cand.regions.has(suite.region)) continue; // said by region-missing
    const compared = ctx.compared.get(suite.key);
    if (!compared) {
      comparedSuite(ctx, suite.key, suite.file);
      findings.push(makeFinding({ class: "suite-missing", suiteKey: suite.key, region: suite.region, file: suite.file, message: `suite ${suite.key} of the baseline did not run` }));
      continue;
    }
    for (const key of suite.steps) {
      const step = base.steps.get(key);
      if (!step || step.matched) continue;
      step.matched = true; // a step key listed twice is reported once
      compared.steps.push(key);
      findings.push(makeFinding({ class: "step-missing", stepKey: key, suiteKey: suite.key, region: suite.region, ...operationOf(step), file: step.file, line: step.line, baseline: step.outcome, message: `step "${stepLabelOfKey(suite.key, key)}" of the baseline did not run` }));
    }
  }
  for (const [operationId, { suites }] of base.tally.operations) {
    // an operation only missing suites exercised is already reported with them
    const explained = [...suites].every((key) => !ctx.suitesSeen.has(key));
    if (!cand.operations.has(operationId) && !explained) findings.push(makeFinding({ class: "operation-missing", operationId, message: `operation ${operationId} was exercised by the baseline, not by the candidate` }));
  }
}

function addSlowdowns(ctx: CompareContext, rule: LatencyRule): void {
  for (const s of findSlowdowns(ctx.base.tally.operations, ctx.cand.operations, rule)) {
    ctx.findings.push(makeFinding({
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
