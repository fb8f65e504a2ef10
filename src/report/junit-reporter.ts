import { hostname } from "node:os";
import { join } from "node:path";
import type { Plan, RunEvents, RunResult, StepResult, SuiteResult } from "../model";
import type { Redactor } from "../diagnostics";
import { junitOpening, JUNIT_CLOSING, suiteHead, type JunitRedaction } from "./junit-xml";
import { openJunitParts, type JunitParts, type SuitePart, type SuiteParts } from "./junit-parts";
import { redactStep, redactSuiteFields } from "./redact-result";
import { suiteOrder } from "./suite-order";
import { stepBatches, type WholeSuites } from "./step-batches";
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
 * Writes `junit.xml`, valid against the JUnit XSD (src/testdata/junit/JUnit.xsd). Each suite's steps are written (and
 * redacted) as they come, into part files next to the report (junit-parts.ts); at the end of the run the document
 * is assembled from them in the plan's order, chunk by chunk: neither the run's results nor the document are held in
 * memory. A result handed over whole (no suite events) is written the same way at its end.
 */
export function createJunitReporter(opts: JunitReporterOptions): RunEvents & WholeSuites {
  const { redactor } = opts;
  const redact: JunitRedaction = { suite: (suite: SuiteResult) => redactSuiteFields(suite, redactor), step: (step: StepResult) => redactStep(step, redactor) };
  const path = join(opts.outDir, JUNIT_REPORT);
  let parts: JunitParts | undefined;
  let failure: unknown;
  let planned: string[] = [];
  const written = new Map<string, SuitePart>();
  // a report that cannot be written must not stop the run: the first error is thrown at its end
  const attempt = <T>(op: () => T): T | undefined => {
    if (failure !== undefined) return undefined;
    try {
      return op();
    } catch (e) {
      failure = e;
      return undefined;
    }
  };
  const suites = stepBatches<SuiteParts | undefined>({
    begin: (suite) => attempt(() => (parts ??= openJunitParts(path)).suite(suite, redact)),
    steps: (suite, steps) => attempt(() => suite?.steps(steps)),
    end: (suite, result) => attempt(() => suite && written.set(result.key, suite.end(result))),
  });
  return {
    onRunStart(plan: Plan) {
      planned = plan.items.map((item) => item.key);
    },
    onStepResult: suites.onStepResult,
    onSuiteEnd: suites.onSuiteEnd,
    addWhole: (result) => suites.whole(result),
    onRunEnd(result: RunResult) {
      try {
        const order = suiteOrder(result, planned, written.keys());
        for (const suite of result.suites) if (!written.has(suite.key)) suites.whole(suite);
        if (failure !== undefined) throw failure;
        const ctx = { hostname: opts.hostname ?? safeHostname() };
        writeReportChunks(opts.outDir, JUNIT_REPORT, (write) => {
          write(junitOpening(order.length === 0));
          if (order.length === 0) return;
          order.forEach((key, id) => {
            const part = written.get(key)!;
            write(suiteHead(part.suite, part.counts, id, ctx));
            parts!.copy(part, write);
          });
          write(JUNIT_CLOSING);
        });
      } finally {
        parts?.remove();
        parts = undefined;
        written.clear();
      }
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
