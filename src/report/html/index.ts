export { createHtmlReporter, HTML_REPORT, type HtmlReporter, type HtmlReporterOptions } from "./html-reporter";
