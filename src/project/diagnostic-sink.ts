import type { Diagnostic } from "../model";
import type { Redactor } from "../diagnostics";

/** Diagnostics raised together, with the source texts their code frames quote. */
export interface DiagnosticBatch {
  diagnostics: Diagnostic[];
  /** file -> text of the files the diagnostics point into, when already loaded */
  sources?: Map<string, string>;
}

/** Where a command's diagnostics go: kept in order for its outcome, and handed to the caller as they arise. */
export interface DiagnosticSink {
  add(diagnostics: Diagnostic[], sources?: Map<string, string>): void;
  readonly all: Diagnostic[];
}

/** A sink that forwards each non-empty batch to `onDiagnostics` (so warnings show before a run's output). */
export function createDiagnosticSink(onDiagnostics?: (batch: DiagnosticBatch) => void): DiagnosticSink {
  const all: Diagnostic[] = [];
  return {
    add(diagnostics, sources) {
      if (diagnostics.length === 0) return;
      all.push(...diagnostics);
      onDiagnostics?.(sources ? { diagnostics, sources } : { diagnostics });
    },
    all,
  };
}

/** A diagnostic raised after the run started may quote a request or a reply: its text goes through the run's redactor. */
export function redactDiagnostic(d: Diagnostic, redactor: Redactor): Diagnostic {
  return { ...d, message: redactor.redact(d.message), ...(d.hint !== undefined ? { hint: redactor.redact(d.hint) } : {}) };
}
