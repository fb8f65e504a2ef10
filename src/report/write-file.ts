import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";

/** Writes a report atomically (temp file + rename), so a later error never leaves half a file; returns its path. */
export function writeReportFile(outDir: string, name: string, text: string): string {
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, name);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
  return path;
}

/** Chunks are gathered up to this size before each write: few system calls, little memory. */
const CHUNK_BYTES = 1 << 16;

/**
 * Writes a report chunk by chunk as `produce` makes it, atomically like writeReportFile: the whole text is never
 * held in memory, and an error leaves the previous file in place; returns its path.
 */
export function writeReportChunks(outDir: string, name: string, produce: (write: (chunk: string) => void) => void): string {
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, name);
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, "w");
  try {
    let pending: string[] = [];
    let size = 0;
    const flush = (): void => {
      writeSync(fd, pending.join(""));
      pending = [];
      size = 0;
    };
    produce((chunk) => {
      pending.push(chunk);
      size += chunk.length;
      if (size >= CHUNK_BYTES) flush();
    });
    flush();
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  closeSync(fd);
  renameSync(tmp, path);
  return path;
}
