import type { StepResult, SuiteResult } from "../model";
import { countSteps, suiteTail, systemOut, writeSuiteSteps, type JunitRedaction, type SuiteCounts } from "./junit-xml";
import { openSpool, type SpoolEntry } from "./spool";
import type { SuiteIdentity } from "./step-batches";

/*
 * junit.xml lists its suites in the plan's order, but they finish in another, and the XSD puts a suite's system-out
 * after all its test cases. So each suite's steps are written as they come into two spools next to the report
 * (spool.ts), its test cases into one and its system-out lines into the other; at the end the document is assembled
 * from them in order. Memory holds a few numbers per suite, never a suite's steps nor the document.
 */

/** A finished suite's parts: where its test cases and system-out lines are, and what its head needs. */
export interface SuitePart {
  suite: Omit<SuiteResult, "steps">;
  counts: SuiteCounts;
  cases: SpoolEntry;
  outputs: SpoolEntry;
}

/** One suite's parts while its steps come. */
export interface SuiteParts {
  /** writes the suite's next steps (redacted as they are written) */
  steps(steps: StepResult[]): void;
  /** the suite is done: its parts go to the spools, and this says where */
  end(result: SuiteResult): SuitePart;
}

/** The two spools of one report, made when the first suite's text goes to them. */
export interface JunitParts {
  suite(suite: SuiteIdentity, redact: JunitRedaction): SuiteParts;
  /** hands a suite's parts to `write`: the test cases, the system-out with its lines, and the suite's end */
  copy(part: SuitePart, write: (chunk: string) => void): void;
  /** closes and removes the part files */
  remove(): void;
}

/** Opens the spools of the report at `reportPath`. */
export function openJunitParts(reportPath: string): JunitParts {
  const spools = [openSpool(reportPath, "cases"), openSpool(reportPath, "out")] as const;
  return {
    suite(suite, redact) {
      const cases = spools[0].entry();
      const outputs = spools[1].entry();
      const counts: SuiteCounts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
      return {
        steps(steps) {
          writeSuiteSteps(suite, steps, counts.tests, { cases: (chunk) => cases.append(chunk), outputs: (text) => outputs.append(text) }, redact);
          countSteps(steps, counts);
        },
        end(result) {
          cases.spill();
          outputs.spill();
          return { suite: redact.suite(result), counts, cases, outputs };
        },
      };
    },
    copy(part, write) {
      for (const chunk of part.cases.read()) write(chunk);
      const hasOutput = part.counts.tests > 0;
      write(systemOut(hasOutput));
      for (const chunk of part.outputs.read()) write(chunk);
      write(suiteTail(hasOutput));
    },
    remove() {
      for (const spool of spools) spool.remove();
    },
  };
}
