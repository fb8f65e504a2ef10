export { readResults, type ResultsEntry } from "./read-results";
export { compareRuns } from "./compare";
export { gateFiles, type GateFilesInput } from "./gate-files";
export { checkAcceptFile, DEFAULT_ACCEPT_FILE } from "./accept-file";
export type { LatencyRule } from "./latency";
