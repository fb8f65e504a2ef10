import type { Attempt } from "../model";

/** When an operation counts as slower. */
export interface LatencyRule {
  /** the candidate's median must exceed the baseline's times this ... */
  ratio: number;
  /** ... and the baseline's plus this many milliseconds */
  floorMs: number;
  /** no verdict on fewer samples than this on either side */
  minSamples: number;
}

/** Issue 8's defaults: 1.5x and +50 ms, at least 3 samples on each side. */
export const DEFAULT_LATENCY_RULE: LatencyRule = { ratio: 1.5, floorMs: 50, minSamples: 3 };

/** Attempt durations per operation id, over a whole run. */
export type LatencySamples = ReadonlyMap<string, { samples: number[] }>;

/** Adds every attempt of a step (retries and polls included) to an operation's samples. */
export function addSamples(samples: number[], attempts: Attempt[]): void {
  for (const a of attempts) if (Number.isFinite(a.durationMs)) samples.push(a.durationMs);
}

/** The median of a list (the mean of the two middle values for an even count). */
export function median(values: number[]): number {
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One operation that got slower. */
export interface Slowdown {
  operationId: string;
  baselineMs: number;
  candidateMs: number;
  baselineSamples: number;
  candidateSamples: number;
}

/** Operations whose median grew past both the ratio and the floor; operations with too few samples are left out. */
export function findSlowdowns(baseline: LatencySamples, candidate: LatencySamples, rule: LatencyRule): Slowdown[] {
  const out: Slowdown[] = [];
  for (const [operationId, { samples: was }] of baseline) {
    const now = candidate.get(operationId)?.samples;
    if (!now || was.length < rule.minSamples || now.length < rule.minSamples) continue;
    const baselineMs = median(was);
    const candidateMs = median(now);
    if (candidateMs > baselineMs * rule.ratio && candidateMs > baselineMs + rule.floorMs) {
      out.push({ operationId, baselineMs, candidateMs, baselineSamples: was.length, candidateSamples: now.length });
    }
  }
  return out;
}
