import { hostname } from "node:os";
import type { RunEvents, RunResult, StepResult, SuiteResult } from "../model";
import type { Redactor } from "../diagnostics";
import { writeJunitXml } from "./junit-xml";
import { redactStep, redactSuiteFields } from "./redact-result";
import { writeReportChunks } from "./write-file";

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

/**
 * Writes `junit.xml`, valid against the JUnit XSD (src/testdata/junit/JUnit.xsd), as a stream of chunks, each step
 * redacted as it is written: neither a redacted copy of the run nor the whole document is held in memory.
 */
export function createJunitReporter(opts: JunitReporterOptions): RunEvents {
  const { redactor } = opts;
  const redact = { suite: (suite: SuiteResult) => redactSuiteFields(suite, redactor), step: (step: StepResult) => redactStep(step, redactor) };
  return {
    onRunEnd(result: RunResult) {
      const ctx = { hostname: opts.hostname ?? safeHostname() };
      const path = writeReportChunks(opts.outDir, JUNIT_REPORT, (write) => writeJunitXml(result, ctx, write, redact));
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
