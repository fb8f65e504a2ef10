import type { RunHeader, RunResult, SuiteResult } from "../model";
import type { Redactor } from "../diagnostics";
import { openResultsFile, type ResultsFile } from "./results-writer";
import { footerOfResult } from "./run-header";
import { suiteRecordOf } from "./suite-record";

/** results.json while a run goes: each finished suite is written as it comes, then the footer. */
export interface ResultsStream {
  /** queues one finished suite (never blocks the runner; a write error surfaces in finish) */
  add(suite: SuiteResult, tags: readonly string[]): void;
  /** writes the suites of the result not added yet (the cleanup check), then the footer */
  finish(result: RunResult, interrupted: boolean): Promise<void>;
}

/**
 * Opens results.json at `path` and writes records in the order suites finish, one at a time behind the file's
 * opening; each record is redacted before it is queued, so no secret waits in memory for the file.
 */
export function startResultsStream(path: string, header: RunHeader, redactor: Redactor): ResultsStream {
  let failure: unknown;
  const opened: Promise<ResultsFile | undefined> = openResultsFile(path, header, { redactor }).catch((e: unknown) => {
    failure ??= e;
    return undefined;
  });
  let queue: Promise<unknown> = opened;
  const written = new Set<string>();
  const add = (suite: SuiteResult, tags: readonly string[]): void => {
    written.add(suite.key);
    const record = suiteRecordOf(suite, tags, redactor);
    queue = queue.then(async () => {
      const file = await opened;
      if (file && failure === undefined) await file.write(record);
    }).catch((e: unknown) => {
      failure ??= e;
    });
  };
  return {
    add,
    async finish(result, interrupted) {
      for (const suite of result.suites) if (!written.has(suite.key)) add(suite, []);
      await queue;
      const file = await opened;
      if (failure !== undefined || !file) throw failure;
      await file.close(footerOfResult(result, interrupted));
    },
  };
}
