import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { Diagnostic, GateResult } from "../model";
import { DiagnosticError } from "../diagnostics";
import { comparePart, finishComparison, type CompareOptions, type ComparisonPart } from "./compare";
import { readResults } from "./read-results";

/** What a worker thread is asked to compare. */
export interface PartJob {
  baseline: string;
  candidate: string;
  index: number;
  count: number;
}

/** What it sends back. */
export type PartReply = { part: ComparisonPart } | { diagnostics: Diagnostic[] } | { failure: string };

/** Options of compareFiles. */
export interface CompareFilesOptions extends CompareOptions {
  /** split the comparison from this many bytes of both files together on (tests set 0) */
  parallelFromBytes?: number;
  /** told how many parts the comparison was split into (1: one thread) */
  onSplit?: (parts: number) => void;
}

/** Below this many bytes (both files together) a second thread costs more than it saves. */
const PARALLEL_FROM_BYTES = 8 * 1024 * 1024;
const WORKER_SCRIPT = join(__dirname, "compare-worker.js");

/**
 * Compares two results files. Large ones are split by suite key into two parts compared at once, one here and
 * one in a worker thread (a suite's records and steps all fall in one part, so each part is a whole comparison
 * of its suites); what needs both runs whole (regions, operations, latency) is judged after. The same result as
 * compareRuns over both streams, in about half the time on two cores.
 */
export async function compareFiles(baseline: string, candidate: string, options: CompareFilesOptions = {}): Promise<GateResult> {
  const bytes = sizeOf(baseline) + sizeOf(candidate);
  // the worker is compiled code: under ts-jest (no .js next to this file) the comparison runs in one thread
  if (bytes < (options.parallelFromBytes ?? PARALLEL_FROM_BYTES) || !existsSync(WORKER_SCRIPT)) {
    options.onSplit?.(1);
    return finishComparison([await comparePart(readResults(baseline), readResults(candidate))], options);
  }
  const count = 2;
  options.onSplit?.(count);
  const worker = new Worker(WORKER_SCRIPT, { workerData: { baseline, candidate, index: 1, count } satisfies PartJob });
  try {
    const theirs = replyOf(worker);
    theirs.catch(() => undefined); // awaited below, unless this thread fails first
    const part = { index: 0, count };
    const mine = await comparePart(readResults(baseline, { part }), readResults(candidate, { part }));
    return finishComparison([mine, await theirs], options);
  } finally {
    void worker.terminate();
  }
}

function replyOf(worker: Worker): Promise<ComparisonPart> {
  return new Promise((resolve, reject) => {
    worker.once("message", (reply: PartReply) => {
      if ("part" in reply) resolve(reply.part);
      else reject("diagnostics" in reply ? new DiagnosticError(reply.diagnostics) : new Error(reply.failure));
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the comparison's worker thread stopped (exit code ${code})`)));
  });
}

/** A file's size; a missing file is 0 here and a diagnostic when it is read. */
function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
