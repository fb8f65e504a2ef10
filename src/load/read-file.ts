import { readFileSync } from "node:fs";
import type { Diagnostic } from "../model";
import { makeDiagnostic } from "../diagnostics";

/** Read a text file, turning a missing or unreadable file into a diagnostic. */
export function readTextFile(file: string, display: string = file): { text?: string; diagnostic?: Diagnostic } {
  try {
    return { text: readFileSync(file, "utf8") };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { diagnostic: makeDiagnostic("CC_FILE_NOT_FOUND", `no such file: ${display}`, { file: display }) };
    return { diagnostic: makeDiagnostic("CC_FILE_UNREADABLE", `cannot read ${display} (${code ?? "error"})`, { file: display }) };
  }
}
