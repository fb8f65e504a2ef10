import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A finished jest run in a copy of the repository. */
export interface CopyRun {
  code: number | null;
  output: string;
}

/** The files a clone has once the work in progress is committed: tracked and new files, never ignored ones (dist/, reports/). */
export function cloneFiles(repoRoot: string): string[] {
  const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: repoRoot, encoding: "utf8" });
  return listed.split("\0").filter((f) => f !== "" && existsSync(join(repoRoot, f)));
}

/**
 * Copies those files into a fresh temp folder and links node_modules. The copy sits three empty folders
 * deep, so a path that climbs out of it (`../shared`, `../../../shared`) finds nothing there.
 */
export function copyRepository(repoRoot: string): string {
  const copy = join(mkdtempSync(join(tmpdir(), "cc-self-contained-")), "a", "b", "repo");
  for (const file of cloneFiles(repoRoot)) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    copyFileSync(join(repoRoot, file), join(copy, file));
  }
  symlinkSync(join(repoRoot, "node_modules"), join(copy, "node_modules"), "junction");
  return copy;
}

/** Runs the given test files with the copy's own jest configuration, in one worker, from the copy. */
export function runJestIn(copy: string, testFiles: string[]): Promise<CopyRun> {
  const jest = join(copy, "node_modules", "jest", "bin", "jest.js");
  const { JEST_WORKER_ID: _worker, ...env } = process.env;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [jest, "--ci", "--maxWorkers=1", "--runTestsByPath", ...testFiles], {
      cwd: copy,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", fail);
    child.on("close", (code) => done({ code, output }));
  });
}
