import { join } from "node:path";
import type { GateResult, SuiteRecord } from "../../model";
import { compareRuns, type CompareOptions } from "../compare";
import { readResults } from "../read-results";
import { tempDir, writeResults, type WriteResultsOptions } from "./records";

/** Both runs of a test comparison, with how each file is written. */
export interface RunPair {
  baseline: SuiteRecord[];
  candidate: SuiteRecord[];
  baselineFile?: WriteResultsOptions;
  candidateFile?: WriteResultsOptions;
}

/** Writes both runs with the real writer, then compares the files as streams, as `compare` does. */
export async function compareWritten(pair: RunPair, options: CompareOptions = {}): Promise<GateResult> {
  const dir = tempDir();
  const baseline = await writeResults(join(dir, "baseline.json"), pair.baseline, pair.baselineFile);
  const candidate = await writeResults(join(dir, "candidate.json"), pair.candidate, pair.candidateFile);
  return compareRuns(readResults(baseline), readResults(candidate), options);
}
