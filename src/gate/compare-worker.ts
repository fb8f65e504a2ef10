import { parentPort, workerData } from "node:worker_threads";
import { DiagnosticError } from "../diagnostics";
import { comparePart } from "./compare";
import { readResults } from "./read-results";
import type { PartJob, PartReply } from "./compare-files";

/** A worker thread of compareFiles: compares one part of both files and sends back what it found. */
async function comparePartOf(job: PartJob): Promise<PartReply> {
  try {
    const part = { index: job.index, count: job.count };
    return { part: await comparePart(readResults(job.baseline, { part }), readResults(job.candidate, { part })) };
  } catch (e) {
    if (e instanceof DiagnosticError) return { diagnostics: e.diagnostics };
    return { failure: e instanceof Error ? e.message : String(e) };
  }
}

void comparePartOf(workerData as PartJob).then((reply) => parentPort?.postMessage(reply));
