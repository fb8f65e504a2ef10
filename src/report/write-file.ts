import { mkdirSync, renameSync, writeFileSync } from "node:fs";
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
