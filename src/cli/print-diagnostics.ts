import { readFileSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import type { Diagnostic } from "../model";
import { formatDiagnostic, sortDiagnostics, type Redactor } from "../diagnostics";

/** Diagnostics as compiler-style text with code frames; `sources` avoids re-reading files already loaded. */
export function renderDiagnostics(list: Diagnostic[], ctx: { cwd: string; sources?: Map<string, string>; redactor?: Redactor }): string {
  const parts = sortDiagnostics(list).map((d) => formatDiagnostic(d, sourceOf(d, ctx), { redactor: ctx.redactor }));
  const errors = list.filter((d) => d.severity === "error").length;
  const warnings = list.length - errors;
  const tally = [errors ? `${errors} error(s)` : "", warnings ? `${warnings} warning(s)` : ""].filter(Boolean).join(", ");
  return parts.join("\n\n") + (tally ? `\n\n${tally}\n` : "\n");
}

function sourceOf(d: Diagnostic, ctx: { cwd: string; sources?: Map<string, string> }): string | undefined {
  if (!d.file || d.line === undefined) return undefined;
  const known = ctx.sources?.get(d.file);
  if (known !== undefined) return known;
  try {
    return readFileSync(isAbsolute(d.file) ? d.file : resolve(ctx.cwd, d.file), "utf8");
  } catch {
    return undefined;
  }
}
