import type { Diagnostic } from "../model";
import { createRedactor, type Redactor } from "./redact";

/** Without a redactor of its own, output still hides JWTs, credentials and values under secret-like keys. */
const BY_SHAPE = createRedactor([]);

/** Options for formatting; a redactor is applied to the whole output, code frame included. */
export interface FormatOptions {
  redactor?: Redactor;
}

/** The code frame lines (gutter, source line, caret) for a diagnostic, or [] without a usable line. */
function codeFrame(d: Diagnostic, source: string | undefined, redactor: Redactor): string[] {
  if (source === undefined || d.line === undefined) return [];
  const line = source.split(/\r?\n/)[d.line - 1];
  if (line === undefined) return [];
  // redacted on its own, where a YAML line's key still starts the line
  const text = redactor.redact(line);
  const gutter = String(d.line);
  const pad = " ".repeat(gutter.length);
  const column = Math.max(1, Math.min(d.column ?? 1, text.length + 1));
  // keep tabs in the caret line so the caret lines up under tab-indented text
  const lead = text.slice(0, column - 1).replace(/[^\t]/g, " ");
  return [`${pad} |`, `${gutter} | ${text}`, `${pad} | ${lead}^`];
}

/** Where a diagnostic points: "file:line:col", "file", or undefined. */
function location(d: Diagnostic): string | undefined {
  if (d.file === undefined) return undefined;
  if (d.line === undefined) return d.file;
  return `${d.file}:${d.line}:${d.column ?? 1}`;
}

/**
 * A diagnostic the way compilers print them:
 * `error[CC_X]: message`, `  --> file:line:col`, the source line with a caret, `  = hint: ...`.
 */
export function formatDiagnostic(d: Diagnostic, source?: string, options: FormatOptions = {}): string {
  const lines = [`${d.severity}[${d.code}]: ${d.message}`];
  const where = location(d);
  if (where !== undefined) lines.push(`  --> ${where}`);
  const redactor = options.redactor ?? BY_SHAPE;
  const frame = codeFrame(d, source, redactor);
  const indent = frame.length > 0 ? " ".repeat(String(d.line).length + 2) : "  ";
  lines.push(...frame.map((l) => ` ${l}`));
  if (d.hint) lines.push(`${indent}= hint: ${d.hint}`);
  return redactor.redact(lines.join("\n"));
}

/** Several diagnostics, separated by blank lines; `sources` maps a file to its text for code frames. */
export function formatDiagnostics(list: Diagnostic[], sources: Map<string, string> = new Map(), options: FormatOptions = {}): string {
  return list.map((d) => formatDiagnostic(d, d.file === undefined ? undefined : sources.get(d.file), options)).join("\n\n");
}
