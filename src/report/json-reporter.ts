import { join } from "node:path";
import type { RunEvents, RunHeader, RunResult } from "../model";
import type { Redactor } from "../diagnostics";
import { startResultsStream, type ResultsStream } from "./results-stream";
import { headerOfResult } from "./run-header";

/** File name of the JSON report inside the output directory. */
export const JSON_REPORT = "results.json";

/** Options of the JSON reporter. */
export interface JsonReporterOptions {
  outDir: string;
  redactor: Redactor;
  /** called with the written path */
  onWritten?(path: string): void;
  /** the run's header: with it the file is streamed from the run's start, without it written whole at its end */
  header?: RunHeader;
  /** aborted when the run is interrupted; the footer then says so */
  signal?: AbortSignal;
}

/**
 * Writes `results.json`, formatVersion 3 (model/run-record.ts): the header when the run starts, one redacted record
 * per suite as it finishes (its steps set aside as they come, results-stream.ts), the footer at the end; compact, so a large run stays small (`jq .` pretty-prints it).
 */
export function createJsonReporter(opts: JsonReporterOptions): RunEvents {
  const path = join(opts.outDir, JSON_REPORT);
  let stream: ResultsStream | undefined;
  return {
    onRunStart() {
      if (opts.header) stream = startResultsStream(path, opts.header, opts.redactor);
    },
    onStepResult(item, step) {
      stream?.onStepResult(item, step);
    },
    onSuiteEnd(item, result) {
      stream?.onSuiteEnd(item, result);
    },
    async onRunEnd(result: RunResult) {
      stream ??= startResultsStream(path, opts.header ?? headerOfResult(result), opts.redactor);
      await stream.finish(result, opts.signal?.aborted === true);
      opts.onWritten?.(path);
    },
  };
}
