import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import type { Diagnostic, LargeText } from "../model";
import { DiagnosticError, makeDiagnostic } from "../diagnostics";

/** Why a file could not be read, as a diagnostic. */
function readProblem(err: unknown, display: string): Diagnostic {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return makeDiagnostic("CC_FILE_NOT_FOUND", `no such file: ${display}`, { file: display });
  return makeDiagnostic("CC_FILE_UNREADABLE", `cannot read ${display} (${code ?? "error"})`, { file: display });
}

/** Read a text file, turning a missing or unreadable file into a diagnostic. */
export function readTextFile(file: string, display: string = file): { text?: string; diagnostic?: Diagnostic } {
  try {
    return { text: readFileSync(file, "utf8") };
  } catch (err) {
    return { diagnostic: readProblem(err, display) };
  }
}

/** Bytes read at a time from a large text. */
const PIECE_BYTES = 64 * 1024;

/** The text of a file read again, in pieces, on each pass; a file that went away meanwhile throws a DiagnosticError. */
export function largeTextFile(path: string, display: string = path): LargeText {
  return {
    *pieces() {
      let fd: number;
      try {
        fd = openSync(path, "r");
      } catch (err) {
        throw new DiagnosticError(readProblem(err, display));
      }
      try {
        const buffer = Buffer.allocUnsafe(PIECE_BYTES);
        const decoder = new StringDecoder("utf8");
        for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) yield decoder.write(buffer.subarray(0, read));
        yield decoder.end();
      } finally {
        closeSync(fd);
      }
    },
    whole() {
      const read = readTextFile(path, display);
      if (read.diagnostic) throw new DiagnosticError(read.diagnostic);
      return read.text ?? "";
    },
  };
}
