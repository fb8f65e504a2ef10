export { readResults, type ResultsEntry } from "./read-results";
export { compareRuns, type CompareOptions } from "./compare";
export { DEFAULT_LATENCY_RULE, type LatencyRule } from "./latency";
export { FINDING_CLASSES } from "./findings";
export { DEFAULT_ACCEPT_FILE, checkAcceptFile, loadAcceptFile, parseAcceptFile, readAcceptEntries, type AcceptFile } from "./accept-file";
export { applyAccept, type AcceptOutcome, type ApplyAcceptOptions } from "./apply-accept";
export { DEFAULT_GATE_RULES, isFailing, judgeGate } from "./rules";
export { gateFiles, type GateFilesInput } from "./gate-files";
