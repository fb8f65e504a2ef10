// The library API of conversation-contract: the pipeline stages, in the order they run.
export * from "./model";
export { createRedactor, formatDiagnostic, formatDiagnostics, didYouMean, DiagnosticError, DIAGNOSTIC_CODES, type Redactor } from "./diagnostics";
export { resolveConfig, resolveTargets, formatHelp, OPTIONS, type Config, type OptionSpec } from "./config";
export { loadSuiteFiles, loadCollections } from "./load";
export { loadSchemaFiles, loadOperationMap } from "./load/schemas";
export { parseSuite, parseCollection } from "./parse";
export { createContract, loadContract } from "./contract";
export { checkSuites } from "./check";
export { computeCoverage, formatCoverage } from "./check/coverage";
export { buildPlan, type PlanOptions } from "./plan";
export { runPlan } from "./execute";
export { createConsoleReporter, createJunitReporter, createJsonReporter, buildJunitXml, redactResult } from "./report";
export { startEmulator } from "./emulator";
