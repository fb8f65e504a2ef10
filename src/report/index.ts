export { createConsoleReporter, type ConsoleReporter, type ConsoleReporterOptions } from "./console-reporter";
export { createJunitReporter, JUNIT_REPORT, type JunitReporterOptions } from "./junit-reporter";
export { createJsonReporter, JSON_REPORT, type JsonReporterOptions } from "./json-reporter";
export { buildJunitXml } from "./junit-xml";
export { redactResult } from "./redact-result";
export { createResultCollector, countTotals, type ResultCollector, type RunMeta } from "./result-collector";
export { formatSummary } from "./format-summary";
export { writeReportFile } from "./write-file";
