import { hostname } from "node:os";
import type { RunEvents, RunResult } from "../model";
import type { Redactor } from "../diagnostics";
import { buildJunitXml } from "./junit-xml";
import { redactResult } from "./redact-result";
import { writeReportFile } from "./write-file";

/** File name of the JUnit report inside the output directory. */
export const JUNIT_REPORT = "junit.xml";

/** Options of the JUnit reporter. */
export interface JunitReporterOptions {
  outDir: string;
  redactor: Redactor;
  /** defaults to os.hostname() */
  hostname?: string;
  onWritten?(path: string): void;
}

/** Writes `junit.xml`, valid against the JUnit XSD (src/testdata/junit/JUnit.xsd). */
export function createJunitReporter(opts: JunitReporterOptions): RunEvents {
  return {
    onRunEnd(result: RunResult) {
      const xml = buildJunitXml(redactResult(result, opts.redactor), { hostname: opts.hostname ?? safeHostname() });
      const path = writeReportFile(opts.outDir, JUNIT_REPORT, xml);
      opts.onWritten?.(path);
    },
  };
}

function safeHostname(): string {
  try {
    return hostname() || "localhost";
  } catch {
    return "localhost";
  }
}
