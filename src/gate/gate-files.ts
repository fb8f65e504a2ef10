import type { AcceptEntry, GateReport, GateRules } from "../model";
import { readAcceptEntries } from "./accept-file";
import { applyAccept } from "./apply-accept";
import { compareRuns } from "./compare";
import type { LatencyRule } from "./latency";
import { readResults } from "./read-results";
import { DEFAULT_GATE_RULES, judgeGate } from "./rules";

/** What `compare` and `run --baseline` hand the gate. */
export interface GateFilesInput {
  baseline: string;
  candidate: string;
  /** an accept file to apply (the caller decides on the default file) */
  acceptFile?: string;
  rules?: Partial<GateRules>;
  latency?: Partial<LatencyRule>;
  /** today, for the accept file's `until` */
  now?: Date;
}

/**
 * The whole gate over two results files: the accept file is read first (an invalid one fails before the long
 * part), both files are compared as streams, then the accept file and the rules are applied. Bad input throws a
 * DiagnosticError (CC_NOT_RESULTS, CC_RESULTS_VERSION, CC_BAD_ACCEPT, ...): exit 2.
 */
export async function gateFiles(input: GateFilesInput): Promise<GateReport> {
  const entries: AcceptEntry[] = input.acceptFile ? await readAcceptEntries(input.acceptFile) : [];
  const result = await compareRuns(readResults(input.baseline), readResults(input.candidate), { latency: input.latency });
  const accepted = applyAccept(result.findings, entries, { now: input.now ?? new Date() });
  return judgeGate(result, accepted, { ...DEFAULT_GATE_RULES, ...input.rules });
}
