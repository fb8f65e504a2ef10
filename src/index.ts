// The library API of conversation-contract: the pipeline stages in the order they run, then the project runner.
export * from "./model";
export { createRedactor, formatDiagnostic, formatDiagnostics, didYouMean, DiagnosticError, DIAGNOSTIC_CODES, type Redactor } from "./diagnostics";
export { REGIONS, isRegion, regionUrls, type Region } from "./vocabulary/regions";
export { REPORTER_NAMES, DEFAULT_REPORTERS, isReporterName, type ReporterName } from "./vocabulary/reporters";
export { resolveConfig, resolveTargets, formatHelp, OPTIONS, type Config, type OptionSpec } from "./config";
export { loadSuiteFiles, loadCollections } from "./load";
export { loadSchemaFiles, loadOperationMap } from "./load/schemas";
export { parseSuite, parseCollection } from "./parse";
export { createContract, loadContract } from "./contract";
export { checkSuites } from "./check";
export { callbackReachProblem, type CallbackRoute } from "./check/callback-reach";
export { computeCoverage, formatCoverage } from "./check/coverage";
export { buildPlan, type PlanOptions } from "./plan";
export { runPlan } from "./execute";
export {
  createConsoleReporter, createJunitReporter, createJsonReporter, createHtmlReporter, buildJunitXml, redactResult,
  REPORTER_FACTORIES, createReporters, openReports, writeReports,
  type Reporter, type ReporterContext, type ReporterFactory, type ConsoleOutput, type ReportSession, type ReportSettings, type ReportsOutcome,
  type HtmlReporterOptions,
} from "./report";
export { readResults, compareRuns, gateFiles, checkAcceptFile, DEFAULT_ACCEPT_FILE, type ResultsEntry, type GateFilesInput } from "./gate";
export { openResultsFile, createResultsWriter, type ResultsFile, type ResultsWriter } from "./report/results-writer";
export { API_VERSIONS, DEFAULT_API_VERSION, type ApiVersion } from "./vocabulary/api-versions";
export { startEmulator } from "./emulator";
export {
  runProject, checkProject, coverageOfProject, runVerdict,
  type RunProjectOptions, type ProjectRunOutcome, type ProjectCheckOutcome, type ProjectCoverageOutcome,
  type ProjectStatus, type RunVerdict, type DiagnosticBatch,
} from "./project";
export { compareProject, gateRuns, type CompareProjectOptions, type GateOutcome } from "./project/compare-runs";
