import { closeSync, mkdirSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import type { SuiteResult } from "../model";
import { countSteps, suiteTail, systemOut, writeSuiteSteps, type JunitRedaction, type SuiteCounts } from "./junit-xml";

/*
 * junit.xml lists its suites in the plan's order, but they finish in another, and the XSD puts a suite's system-out
 * after all its test cases. So each suite is written as it finishes into two part files next to the report, its test
 * cases into one and its system-out lines into the other; at the end the document is assembled from them in order.
 * Memory holds a few numbers per suite, never a suite's steps nor the document.
 */

/** Where one suite's parts are: byte ranges in the two part files, and what its head needs. */
export interface SuitePart {
  suite: Omit<SuiteResult, "steps">;
  counts: SuiteCounts;
  cases: [number, number];
  outputs: [number, number];
}

/** A part file written through a small buffer; `at` is the byte length written so far. */
interface PartFile {
  path: string;
  fd: number;
  pending: string[];
  size: number;
  at: number;
}

/** Chunks are gathered up to this size before each write. */
const CHUNK_CHARS = 1 << 16;

/** The two part files of one report, opened when the first suite comes. */
export interface JunitParts {
  /** writes one finished suite's parts (redacted as they are written) and says where they are */
  add(suite: SuiteResult, redact: JunitRedaction): SuitePart;
  /** hands a suite's parts to `write`: the test cases, the system-out with its lines, and the suite's end */
  copy(part: SuitePart, write: (chunk: string) => void): void;
  /** closes and removes the part files */
  remove(): void;
}

/** Opens the part files of the report at `reportPath` (inside a folder it makes). */
export function openJunitParts(dir: string, reportPath: string): JunitParts {
  mkdirSync(dir, { recursive: true });
  const open = (kind: string): PartFile => {
    const path = `${reportPath}.${process.pid}.${kind}.part`;
    return { path, fd: openSync(path, "w+", 0o600), pending: [], size: 0, at: 0 };
  };
  const files = [open("cases"), open("out")] as const;
  const [cases, outputs] = files;
  return {
    add(suite, redact) {
      const start = [cases.at, outputs.at];
      writeSuiteSteps(suite, { cases: (chunk) => append(cases, chunk), outputs: (text) => append(outputs, text) }, redact);
      return { suite: redact.suite(suite), counts: countSteps(suite.steps), cases: [start[0]!, cases.at], outputs: [start[1]!, outputs.at] };
    },
    copy(part, write) {
      for (const file of files) flush(file);
      copyRange(cases.fd, part.cases, write);
      const hasOutput = part.counts.tests > 0;
      write(systemOut(hasOutput));
      copyRange(outputs.fd, part.outputs, write);
      write(suiteTail(hasOutput));
    },
    remove() {
      for (const file of files) {
        try {
          closeSync(file.fd);
        } catch {
          // already closed
        }
        rmSync(file.path, { force: true });
      }
    },
  };
}

function append(file: PartFile, chunk: string): void {
  file.pending.push(chunk);
  file.size += chunk.length;
  file.at += Buffer.byteLength(chunk);
  if (file.size >= CHUNK_CHARS) flush(file);
}

function flush(file: PartFile): void {
  if (file.pending.length === 0) return;
  writeSync(file.fd, file.pending.join(""));
  file.pending = [];
  file.size = 0;
}

/** Reads bytes [start, end) of a file and hands them on as text (a character cut between two reads is kept whole). */
function copyRange(fd: number, [start, end]: [number, number], write: (chunk: string) => void): void {
  const buffer = Buffer.alloc(CHUNK_CHARS);
  const decoder = new StringDecoder("utf8");
  for (let at = start; at < end;) {
    const read = readSync(fd, buffer, 0, Math.min(buffer.length, end - at), at);
    if (read === 0) throw new Error("a junit.xml part file ended early");
    at += read;
    write(decoder.write(buffer.subarray(0, read)));
  }
  const rest = decoder.end();
  if (rest) write(rest);
}
