import type { RunHeader, RunResult, SuiteResult } from "../model";
import type { Redactor } from "../diagnostics";
import { openResultsFile, type ResultsFile } from "./results-writer";
import { footerOfResult } from "./run-header";
import { streamedRecord } from "./suite-record";

/** results.json while a run goes: each finished suite is written as it comes, then the footer. */
export interface ResultsStream {
  /** queues one finished suite (never blocks the runner; a write error surfaces in finish) */
  add(suite: SuiteResult, tags: readonly string[]): void;
  /** writes what the result has that was not written yet, then the footer */
  finish(result: RunResult, interrupted: boolean): Promise<void>;
}

/** What was written of one suite: its tags and how many of its steps. */
interface Written {
  tags: readonly string[];
  steps: number;
}

/**
 * Opens results.json at `path` and writes records in the order suites finish, one at a time behind the file's
 * opening; each record is made and redacted step by step as it is written (sensitive headers blanked, then the text),
 * so a long suite is never copied whole into records. Suites the runner never announced (the cleanup check's record)
 * are written by finish; a suite given again with more steps gets a second line with the same key holding only the
 * steps added (no part of the tool does that today).
 */
export function startResultsStream(path: string, header: RunHeader, redactor: Redactor): ResultsStream {
  let failure: unknown;
  const opened: Promise<ResultsFile | undefined> = openResultsFile(path, header, { redactor }).catch((e: unknown) => {
    failure ??= e;
    return undefined;
  });
  let queue: Promise<unknown> = opened;
  const written = new Map<string, Written>();
  const add = (suite: SuiteResult, tags: readonly string[]): void => {
    const before = written.get(suite.key);
    written.set(suite.key, { tags: before?.tags ?? tags, steps: suite.steps.length });
    const part = before ? { ...suite, steps: suite.steps.slice(before.steps) } : suite;
    // the steps' records are made as they are written (sensitive headers blanked, the text redacted), one at a time
    const record = streamedRecord(part, before?.tags ?? tags, redactor);
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
      for (const suite of result.suites) {
        if (suite.steps.length > (written.get(suite.key)?.steps ?? -1)) add(suite, []);
      }
      await queue;
      const file = await opened;
      if (failure !== undefined || !file) throw failure;
      await file.close(footerOfResult(result, interrupted));
    },
  };
}
