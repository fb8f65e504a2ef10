export { createConsoleReporter } from "./console-reporter";
export { createJunitReporter } from "./junit-reporter";
export { createJsonReporter, JSON_REPORT } from "./json-reporter";
export { createHtmlReporter, type HtmlReporterOptions } from "./html";
export { REPORTER_FACTORIES, createReporters, type Reporter, type ReporterContext, type ReporterFactory, type ConsoleOutput } from "./registry";
export { openReports, writeReports, type ReportSession, type ReportSettings, type ReportsOutcome } from "./report-session";
export { buildJunitXml } from "./junit-xml";
export { redactResult } from "./redact-result";
export { writeReportFile } from "./write-file";
