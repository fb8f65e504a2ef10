import { appendFileSync, closeSync, mkdirSync, openSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * A report file written piece by piece while the run goes on, straight to its final path: a run that is killed
 * leaves every piece written so far. Writes are synchronous (a piece is one suite), so nothing piles up in
 * memory. A failed write never breaks the run: the first error is kept and `end()` throws it.
 */
export interface IncrementalFile {
  readonly path: string;
  append(text: string): void;
  /** closes the file; throws the first error any write met */
  end(): void;
}

/** Opens (truncates) the file at `path`, creating its folder. */
export function openIncrementalFile(path: string): IncrementalFile {
  let fd: number | undefined;
  let failure: Error | undefined;
  const attempt = (op: () => void): void => {
    if (failure) return;
    try {
      op();
    } catch (e) {
      failure = e instanceof Error ? e : new Error(String(e));
    }
  };
  attempt(() => {
    mkdirSync(dirname(path), { recursive: true });
    fd = openSync(path, "w");
  });
  return {
    path,
    append: (text) => attempt(() => writeFileSync(fd!, text)),
    end() {
      const open = fd;
      fd = undefined;
      if (open !== undefined) {
        try {
          closeSync(open);
        } catch (e) {
          failure ??= e as Error;
        }
      }
      if (failure) throw new Error(`cannot write ${path}: ${failure.message}`);
    },
  };
}

/** Appends to a finished report file (the gate's findings arrive after the run's end). */
export function appendToFile(path: string, text: string): void {
  appendFileSync(path, text);
}
