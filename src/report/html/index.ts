export { createHtmlReporter, type HtmlReporterOptions } from "./html-reporter";
