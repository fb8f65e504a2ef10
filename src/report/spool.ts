import { closeSync, ftruncateSync, mkdirSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { StringDecoder } from "node:string_decoder";
import { partPath, removeStaleParts } from "./stale-parts";

/*
 * A part file next to a report that holds the text of suites still running (or waiting to be assembled), so that a
 * suite of 100,000 steps is never held in memory. Each entry (one suite's text) is buffered up to a chunk, then
 * appended to the file, which notes where; it is read back in order. The file is made only when an entry first
 * goes to it, starts over empty whenever no entry holds anything in it any more, and is removed at the end.
 */

/** One entry of a spool: text appended in order and read back in that order. */
export interface SpoolEntry {
  append(text: string): void;
  /** moves what the entry buffers to the file: memory then holds only where it is */
  spill(): void;
  /** the entry's text, chunk by chunk; throws the first error the spool met */
  read(): Generator<string>;
  /** the entry will not be read again: its room in the file may be reused */
  release(): void;
}

/** A part file shared by many entries. */
export interface Spool {
  entry(): SpoolEntry;
  /** closes and removes the file */
  remove(): void;
}

/**
 * An entry buffers about this many characters before they go to the file; the file is written that much at a time.
 * Small: text held across many steps outlives V8's young generation and is left for a full collection to find.
 */
const CHUNK_CHARS = 1 << 13;

interface SpoolFile {
  fd?: number;
  /** text on its way to the file, and its length in characters */
  pending: string[];
  pendingChars: number;
  /** bytes in the file, pending ones included */
  at: number;
  /** bytes written to the file: where the pending text goes */
  written: number;
  /** entries that have text in the file */
  holding: number;
  failure?: Error;
}

/**
 * A spool next to the report at `reportPath` (partPath names it; `kind` tells two spools of one report apart), made
 * when first needed. Opening it removes the part files that killed runs left of this report.
 */
export function openSpool(reportPath: string, kind?: string): Spool {
  const path = partPath(reportPath, kind);
  removeStaleParts(reportPath);
  const file: SpoolFile = { pending: [], pendingChars: 0, at: 0, written: 0, holding: 0 };
  const flush = (): void => {
    if (file.pending.length === 0 || file.failure) return;
    try {
      if (file.fd === undefined) {
        mkdirSync(dirname(path), { recursive: true });
        file.fd = openSync(path, "w+", 0o600);
      }
      const text = file.pending.join("");
      writeSync(file.fd, text, file.written);
      file.written += Buffer.byteLength(text);
    } catch (e) {
      file.failure = e instanceof Error ? e : new Error(String(e));
    }
    file.pending = [];
    file.pendingChars = 0;
  };
  return {
    entry: () => spoolEntry(file, flush),
    remove() {
      if (file.fd === undefined) return;
      closeQuietly(file.fd);
      file.fd = undefined;
      rmSync(path, { force: true });
    },
  };
}

function spoolEntry(file: SpoolFile, flush: () => void): SpoolEntry {
  let buffer: string[] = [];
  let chars = 0;
  const ranges: Array<[number, number]> = [];
  const entry: SpoolEntry = {
    append(text) {
      buffer.push(text);
      chars += text.length;
      if (chars >= CHUNK_CHARS) entry.spill();
    },
    spill() {
      if (chars === 0) return;
      const text = buffer.join("");
      const start = file.at;
      file.at += Buffer.byteLength(text);
      const last = ranges.at(-1);
      if (last && last[1] === start) last[1] = file.at;
      else {
        if (ranges.length === 0) file.holding += 1;
        ranges.push([start, file.at]);
      }
      file.pending.push(text);
      file.pendingChars += text.length;
      buffer = [];
      chars = 0;
      if (file.pendingChars >= CHUNK_CHARS) flush();
    },
    *read() {
      if (ranges.length > 0) flush();
      if (file.failure) throw file.failure;
      for (const range of ranges) yield* readRange(file.fd!, range);
      if (chars > 0) yield buffer.join("");
    },
    release() {
      buffer = [];
      chars = 0;
      if (ranges.length === 0) return;
      ranges.length = 0;
      file.holding -= 1;
      if (file.holding === 0) startOver(file);
    },
  };
  return entry;
}

/** No entry holds text in the file any more: it is emptied, so a run of many long suites does not fill the disk. */
function startOver(file: SpoolFile): void {
  file.pending = [];
  file.pendingChars = 0;
  file.at = 0;
  file.written = 0;
  if (file.fd === undefined || file.failure) return;
  try {
    ftruncateSync(file.fd, 0);
  } catch (e) {
    file.failure = e instanceof Error ? e : new Error(String(e));
  }
}

/** Bytes [start, end) of the file as text (a character cut between two reads is kept whole). */
function* readRange(fd: number, [start, end]: [number, number]): Generator<string> {
  const buffer = Buffer.alloc(Math.min(CHUNK_CHARS, end - start));
  const decoder = new StringDecoder("utf8");
  for (let at = start; at < end;) {
    const read = readSync(fd, buffer, 0, Math.min(buffer.length, end - at), at);
    if (read === 0) throw new Error("a report's part file ended early");
    at += read;
    yield decoder.write(buffer.subarray(0, read));
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
}
