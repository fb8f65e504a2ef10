import type { RunEvents, RunResult } from "../model";
import type { Redactor } from "../diagnostics";
import { redactResultText } from "./redact-result";
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
      // compact: results.json of a large run stays small and fast to write; `jq .` pretty-prints it
      const text = redactResultText(result, opts.redactor) + "\n";
      const path = writeReportFile(opts.outDir, JSON_REPORT, text);
      opts.onWritten?.(path);
    },
  };
}
