export { runProject, type RunProjectOptions, type ProjectRunOutcome } from "./run-project";
export { checkProject, coverageOfProject, type ProjectCheckOutcome, type ProjectCoverageOutcome } from "./check-project";
export type { LoadHooks } from "./load-project";
export { runVerdict, type RunVerdict, type ProjectStatus } from "./verdict";
export type { DiagnosticBatch } from "./diagnostic-sink";
