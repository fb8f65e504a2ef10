import { isAbsolute, relative } from "node:path";
import type { Diagnostic } from "../model";

/** A path as the user reads it: relative to cwd when inside it, else as it is. */
export function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}

/** Diagnostics about files opened by absolute path, with the paths (in `file` and in the message) as the user reads them. */
export function withShownPaths(diagnostics: Diagnostic[], cwd: string): Diagnostic[] {
  return diagnostics.map((d) => {
    if (d.file === undefined || !isAbsolute(d.file)) return d;
    const file = shownPath(d.file, cwd);
    return file === d.file ? d : { ...d, file, message: d.message.split(d.file).join(file) };
  });
}
