import type { SourcePos } from "../model";

/** 1-based line and column of an offset of `text`. */
function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/** The first place `pattern` matches in `text`, as a position, if it does. */
function find(text: string, pattern: RegExp): { line: number; column: number } | undefined {
  const m = pattern.exec(text);
  return m ? positionAt(text, m.index + (m[0].length - m[0].trimStart().length)) : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The value ajv could not use: the $ref it could not resolve, or the regular expression it could not compile. */
function culprit(err: unknown): { key: string; value: string } | undefined {
  const missingRef = (err as { missingRef?: unknown }).missingRef;
  if (typeof missingRef === "string") return { key: "\\$ref", value: missingRef.replace(/^.*\//, "") };
  const regex = /^Invalid regular expression: \/(.*)\/[a-z]*: /s.exec(err instanceof Error ? err.message : "");
  return regex?.[1] === undefined ? undefined : { key: "[^\"]*", value: regex[1] };
}

/**
 * Where in a schema file's text the value that broke its compilation is written: the `"$ref"` that points at nothing
 * or the `"pattern"` (or patternProperties key) that is no regular expression. Undefined when it cannot be found.
 */
export function compileProblemPosition(err: unknown, text: string | undefined): Omit<SourcePos, "file"> | undefined {
  const what = text === undefined ? undefined : culprit(err);
  if (text === undefined || what === undefined) return undefined;
  const quoted = escapeRegExp(JSON.stringify(what.value).slice(1, -1));
  // a $ref may be written with a path in front of the file name ajv reports
  const asValue = new RegExp(`"${what.key}"\\s*:\\s*"(?:[^"]*/)?${quoted}"`);
  const asKey = new RegExp(`"${quoted}"\\s*:`);
  return find(text, asValue) ?? find(text, asKey);
}
