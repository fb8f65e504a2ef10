import type { Diagnostic } from "../model";

/** An error that carries diagnostics, for the few places that must unwind (the CLI prints them, no stack). */
export class DiagnosticError extends Error {
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic | Diagnostic[]) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
    const first = list[0];
    const more = list.length > 1 ? ` (and ${list.length - 1} more)` : "";
    super(first ? `${first.code}: ${first.message}${more}` : "no diagnostics");
    this.name = "DiagnosticError";
    this.diagnostics = list;
  }
}
