import type { Diagnostic, SourcePos } from "../model";
import { DIAGNOSTIC_CODES, type DiagnosticCode, type DiagnosticCodeInfo } from "./codes";

/** Build a diagnostic; the hint and severity default to the catalog's. */
export function makeDiagnostic(
  code: DiagnosticCode,
  message: string,
  at?: Partial<SourcePos>,
  hint?: string,
): Diagnostic {
  const info: DiagnosticCodeInfo = DIAGNOSTIC_CODES[code];
  const d: Diagnostic = { code, severity: info.severity ?? "error", message, hint: hint ?? info.hint };
  if (at?.file !== undefined) d.file = at.file;
  if (at?.line !== undefined) d.line = at.line;
  if (at?.column !== undefined) d.column = at.column;
  return d;
}

/** Order diagnostics by file, line and column so output reads top to bottom. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.file ?? "").localeCompare(b.file ?? "") || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}

/** Whether any diagnostic of the list is an error (warnings do not stop a run). */
export function hasErrors(list: Diagnostic[]): boolean {
  return list.some((d) => d.severity === "error");
}
