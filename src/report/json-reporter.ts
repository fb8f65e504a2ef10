import type { RunEvents, RunResult } from "../model";
import type { Redactor } from "../diagnostics";
import { redactResult } from "./redact-result";
import { writeReportFile } from "./write-file";

/** File name of the JSON report inside the output directory. */
export const JSON_REPORT = "results.json";

/** Options of the JSON reporter. */
export interface JsonReporterOptions {
  outDir: string;
  redactor: Redactor;
  /** called with the written path */
  onWritten?(path: string): void;
}

/** Writes `results.json`: the model's RunResult (formatVersion 1), redacted. */
export function createJsonReporter(opts: JsonReporterOptions): RunEvents {
  return {
    onRunEnd(result: RunResult) {
      const text = JSON.stringify(redactResult(result, opts.redactor), null, 2) + "\n";
      const path = writeReportFile(opts.outDir, JSON_REPORT, text);
      opts.onWritten?.(path);
    },
  };
}
