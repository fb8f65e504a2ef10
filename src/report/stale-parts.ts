import { readdirSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** The part file of the report at `reportPath` that this process writes: `junit.xml.<pid>.cases.part`, `results.json.<pid>.part`. */
export function partPath(reportPath: string, kind?: string): string {
  return `${reportPath}.${process.pid}${kind ? `.${kind}` : ""}.part`;
}

/**
 * Removes the part files of the report at `reportPath` that a run killed before its end left behind: those whose
 * process is gone. A run still writing into the same folder keeps its own.
 */
export function removeStaleParts(reportPath: string): void {
  const name = basename(reportPath);
  let entries: string[];
  try {
    entries = readdirSync(dirname(reportPath));
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.startsWith(`${name}.`)) continue;
    const pid = /^\.(\d+)(?:\.[a-z]+)?\.part$/.exec(entry.slice(name.length))?.[1];
    if (pid !== undefined && !isRunning(Number(pid))) rmSync(join(dirname(reportPath), entry), { force: true });
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
