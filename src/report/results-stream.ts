import type { PlannedSuite, RunEvents, RunHeader, RunResult, StepResult, SuiteResult } from "../model";
import type { Redactor } from "../diagnostics";
import { openResultsFile, spooledOpening, spooledStepLine, type ResultsFile } from "./results-writer";
import { footerOfResult } from "./run-header";
import { openSpool, type SpoolEntry } from "./spool";
import { suiteRecordHead, toStepRecord, withBlankedStepHeaders } from "./suite-record";
import { stepBatches, type SuiteIdentity } from "./step-batches";

/** results.json while a run goes: each suite's steps as they come, its record when it finishes, then the footer. */
export interface ResultsStream extends Required<Pick<RunEvents, "onStepResult" | "onSuiteEnd">> {
  /** writes what the result has that was not written yet, then the footer */
  finish(result: RunResult, interrupted: boolean): Promise<void>;
}

/** What was written of one suite: its tags and how many of its steps. */
interface Written {
  tags: readonly string[];
  steps: number;
}

/** One suite's record while its steps come: they are made, redacted and spooled, and counted. */
interface RecordInProgress {
  key: string;
  tags: readonly string[];
  entry: SpoolEntry;
  steps: number;
}

/**
 * Opens results.json at `path`; each step's record is made as it comes (sensitive headers blanked, the text
 * redacted) and set aside in a spool next to the file (spool.ts: in memory while it is short), and when the suite
 * finishes its record is written, records one at a time in the order suites finish. Suites the runner never
 * announced (the cleanup check's record) are written by finish; a suite given again with more steps gets a second
 * line with the same key holding only the steps added (no part of the tool does that today).
 */
export function startResultsStream(path: string, header: RunHeader, redactor: Redactor): ResultsStream {
  let failure: unknown;
  const opened: Promise<ResultsFile | undefined> = openResultsFile(path, header, { redactor }).catch((e: unknown) => {
    failure ??= e;
    return undefined;
  });
  let queue: Promise<unknown> = opened;
  const spool = openSpool(path);
  const written = new Map<string, Written>();
  const end = (record: RecordInProgress, result: SuiteResult): void => {
    const before = written.get(record.key);
    written.set(record.key, { tags: record.tags, steps: (before?.steps ?? 0) + record.steps });
    const opening = spooledOpening(suiteRecordHead(result, record.tags));
    queue = queue.then(async () => {
      const file = await opened;
      if (file && failure === undefined) await file.write({ opening, steps: record.entry.read() });
    }).catch((e: unknown) => {
      failure ??= e;
    }).finally(() => record.entry.release());
  };
  const suites = stepBatches<RecordInProgress>({
    begin: (suite: SuiteIdentity, item?: PlannedSuite) => ({ key: suite.key, tags: written.get(suite.key)?.tags ?? item?.suite.tags ?? [], entry: spool.entry(), steps: 0 }),
    steps(record, steps: StepResult[]) {
      const lines = steps.map((step) => spooledStepLine(withBlankedStepHeaders(toStepRecord(record.key, step), redactor)));
      record.entry.append(redactor.redact(lines.join("")));
      record.steps += steps.length;
    },
    end,
  });
  return {
    onStepResult: suites.onStepResult,
    onSuiteEnd: suites.onSuiteEnd,
    async finish(result, interrupted) {
      for (const suite of result.suites) {
        const before = written.get(suite.key)?.steps;
        if (before === undefined) suites.whole(suite);
        else if (suite.steps.length > before) suites.whole({ ...suite, steps: suite.steps.slice(before) });
      }
      await queue;
      spool.remove();
      const file = await opened;
      if (failure !== undefined || !file) throw failure;
      await file.close(footerOfResult(result, interrupted));
    },
  };
}
