import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { closeSync, openSync, readSync, renameSync, rmSync, utimesSync, writeSync } from "node:fs";
import { basename } from "node:path";
import { clearSlot, entryFile, LIMITS, pruneCache, type CacheLimits, type SealedCacheRef } from "./disk-cache";

/**
 * Cache entries stored in parts: a header line, then one sealed line per part, so that a large payload (a suite of
 * 100,000 steps) is never one string, and a part can be read again on its own.
 */

/** The first line of an entry stored in parts; each further line is one sealed part. */
const PARTS_FORMAT = "parts-1";

/** One part as a line: iv.tag.data, sealed with its index and whether it is the last as associated data. */
function sealedLine(part: string, seal: string, index: number, last: boolean): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", Buffer.from(seal, "hex"), iv);
  cipher.setAAD(Buffer.from(`${index}${last ? ":last" : ""}`));
  const data = Buffer.concat([cipher.update(part, "utf8"), cipher.final()]);
  return `${iv.toString("base64")}.${cipher.getAuthTag().toString("base64")}.${data.toString("base64")}\n`;
}

/** A part back from its line; throws when the line was changed, moved or cut. */
function openedLine(line: string, seal: string, index: number, last: boolean): string {
  const [iv = "", tag = "", data = ""] = line.split(".");
  const decipher = createDecipheriv("aes-256-gcm", Buffer.from(seal, "hex"), Buffer.from(iv, "base64"));
  decipher.setAAD(Buffer.from(`${index}${last ? ":last" : ""}`));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString("utf8");
}

/** An entry in parts being written: each part is sealed and written as it is added; nothing is read until commit. */
export interface CachePartsWriter {
  add(part: string): void;
  /** the entry in place of the slot's older ones, the cache pruned; false when it could not be written (nothing is left) */
  commit(): boolean;
  /** leaves nothing behind; idempotent */
  abort(): void;
}

/**
 * Start writing an entry in parts for `ref` (the slot's older entries go now), so that a large payload is never one
 * string: each part is sealed on a line of its own as it is added (the last one marked as last at commit). Undefined
 * when the folder cannot be written; a failure later makes commit false. Failures only cost speed.
 */
export function createCachePartsWriter(ref: SealedCacheRef, limits: CacheLimits = LIMITS): CachePartsWriter | undefined {
  const path = entryFile(ref);
  const temp = `${path}.${process.pid}.tmp`;
  let fd: number | undefined;
  try {
    clearSlot(ref, basename(path));
    fd = openSync(temp, "w", 0o600);
    writeSync(fd, `${JSON.stringify({ key: ref.key, format: PARTS_FORMAT })}\n`);
  } catch {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    return undefined;
  }
  let index = 0;
  let pending: string | undefined;
  let failed = false;
  const abort = (): void => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
    failed = true;
    rmSync(temp, { force: true });
  };
  return {
    add(part) {
      if (failed) return;
      try {
        if (pending !== undefined) writeSync(fd!, sealedLine(pending, ref.seal, index++, false));
        pending = part;
      } catch {
        abort();
      }
    },
    commit() {
      if (failed || pending === undefined) {
        abort();
        return false;
      }
      try {
        writeSync(fd!, sealedLine(pending, ref.seal, index, true));
        closeSync(fd!);
        fd = undefined;
        renameSync(temp, path);
        pruneCache(ref.dir, basename(path), limits);
        return true;
      } catch {
        abort();
        return false;
      }
    },
    abort,
  };
}

/**
 * Store `parts` for `ref` one sealed line each, as they come (createCachePartsWriter). An exception from `parts` (a
 * payload that cannot be cached) leaves no entry. Failures only cost speed and are ignored.
 */
export function writeCacheParts(ref: SealedCacheRef, parts: Iterable<string>, limits: CacheLimits = LIMITS): void {
  const writer = createCachePartsWriter(ref, limits);
  if (!writer) return;
  try {
    for (const part of parts) writer.add(part);
  } catch {
    writer.abort();
    return;
  }
  writer.commit();
}

/** Where each line of an open file starts and ends (its newline left out), found a piece at a time. */
function lineSpans(fd: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const buffer = Buffer.alloc(1 << 16);
  let start = 0;
  let offset = 0;
  for (let n = readSync(fd, buffer, 0, buffer.length, offset); n > 0; n = readSync(fd, buffer, 0, buffer.length, offset)) {
    for (let at = buffer.indexOf(10); at >= 0 && at < n; at = buffer.indexOf(10, at + 1)) {
      spans.push([start, offset + at]);
      start = offset + at + 1;
    }
    offset += n;
  }
  if (offset > start) spans.push([start, offset]);
  return spans;
}

function readSpan(fd: number, [start, end]: [number, number]): string {
  const buffer = Buffer.alloc(end - start);
  readSync(fd, buffer, 0, buffer.length, start);
  return buffer.toString("latin1");
}

/** An entry in parts, held open: any of its parts can be read again, by index, until it is closed. */
export interface OpenCacheParts {
  /** how many parts the entry holds */
  count: number;
  /** the text of part `index` (from 0), opened from its sealed line on each read */
  part(index: number): string;
  /** idempotent; a part read after it throws */
  close(): void;
}

/**
 * The entry stored for `ref` by writeCacheParts, every line checked once (opened at its place, the last one last),
 * then held open: a later write to the slot renames another file over the path or removes it, never changes what
 * the open descriptor reads. Memory holds where each line starts, not the lines. Throws when the entry is missing,
 * for other inputs, changed, reordered or cut short.
 */
export function openCacheParts(ref: SealedCacheRef): OpenCacheParts {
  const path = entryFile(ref);
  const fd = openSync(path, "r");
  let closed = false;
  const close = (): void => {
    if (!closed) closeSync(fd);
    closed = true;
  };
  try {
    const [head, ...lines] = lineSpans(fd);
    const header = JSON.parse(head ? readSpan(fd, head) : "") as { key?: unknown; format?: unknown };
    if (header.key !== ref.key || header.format !== PARTS_FORMAT) throw new Error("not this entry");
    if (lines.length === 0) throw new Error("no parts");
    const part = (index: number): string => {
      if (closed) throw new Error("the cache entry was closed");
      return openedLine(readSpan(fd, lines[index]!), ref.seal, index, index === lines.length - 1);
    };
    for (let index = 0; index < lines.length; index++) part(index);
    const now = new Date();
    utimesSync(path, now, now); // used now: pruned last
    return { count: lines.length, part, close };
  } catch (e) {
    close();
    throw e;
  }
}

