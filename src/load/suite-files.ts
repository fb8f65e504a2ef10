import { readdirSync, statSync } from "node:fs";
import { join, relative, resolve, isAbsolute } from "node:path";
import type { Diagnostic, SuiteText } from "../model";
import { makeDiagnostic } from "../diagnostics";
import { INPUT_LIMITS } from "../vocabulary/input-limits";
import { largeTextFile, readTextFile } from "./read-file";

/** A suite file as read from disk; `file` is relative to the working directory when inside it. */
export interface SuiteFile {
  file: string;
  /** one string up to WHOLE_TEXT_BYTES; a larger file is read again, in pieces, by each pass over it */
  text: SuiteText;
}

/** A suite file up to this size is read as one string (and kept for code frames); a larger one is never held whole. */
export const WHOLE_TEXT_BYTES = 1 << 20;

/** What loadSuiteFiles found. */
export interface LoadedSuiteFiles {
  files: SuiteFile[];
  diagnostics: Diagnostic[];
}

const SUITE_FILE = /\.ya?ml$/i;

function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? absolute : rel.split("\\").join("/");
}

/** Expand one argument to absolute suite file paths; directories give their *.yaml / *.yml files, sorted. */
function expand(arg: string, cwd: string, diagnostics: Diagnostic[]): string[] {
  const absolute = resolve(cwd, arg);
  let isDir: boolean;
  try {
    isDir = statSync(absolute).isDirectory();
  } catch {
    diagnostics.push(makeDiagnostic("CC_FILE_NOT_FOUND", `no such file or directory: ${arg}`, { file: arg }));
    return [];
  }
  if (!isDir) return [absolute];
  return readdirSync(absolute)
    .filter((name) => SUITE_FILE.test(name))
    .sort()
    .map((name) => join(absolute, name))
    .filter((path) => statSync(path).isFile());
}

/** A suite file larger than INPUT_LIMITS allows is not read at all (an unreadable one is readTextFile's to report). */
function sizeProblem(size: number, file: string): Diagnostic | undefined {
  if (size <= INPUT_LIMITS.suiteFileBytes) return undefined;
  return makeDiagnostic("CC_INPUT_LIMIT", `${file} is ${size} bytes; a suite file may have at most ${INPUT_LIMITS.suiteFileBytes}`, { file },
    "split the suite, or move large request bodies into the collection");
}

/** The file's size, 0 when it cannot be read (readTextFile then says why). */
function sizeOf(absolute: string): number {
  try {
    return statSync(absolute).size;
  } catch {
    return 0;
  }
}

/** Read the suite files named by `paths` (files or directories), relative to `cwd`. Never throws. */
export function loadSuiteFiles(paths: string[], cwd: string): LoadedSuiteFiles {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const files: SuiteFile[] = [];
  for (const arg of paths) {
    for (const absolute of expand(arg, cwd, diagnostics)) {
      if (seen.has(absolute)) continue;
      seen.add(absolute);
      const file = displayPath(absolute, cwd);
      const size = sizeOf(absolute);
      const tooLarge = sizeProblem(size, file);
      if (tooLarge) {
        diagnostics.push(tooLarge);
        continue;
      }
      if (size > WHOLE_TEXT_BYTES) {
        files.push({ file, text: largeTextFile(absolute, file) });
        continue;
      }
      const read = readTextFile(absolute, file);
      if (read.diagnostic) diagnostics.push(read.diagnostic);
      else files.push({ file, text: read.text ?? "" });
    }
  }
  if (files.length === 0 && diagnostics.length === 0) {
    diagnostics.push(makeDiagnostic("CC_NO_SUITES", `no suite files (*.yaml, *.yml) in ${paths.join(", ") || "(nothing given)"}`));
  }
  return { files, diagnostics };
}
