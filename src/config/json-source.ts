import type { Node, ParseError } from "jsonc-parser";

/** jsonc-parser, loaded when a JSON file is first read this way (a run without a config file or environment never does). */
function jsonc(): typeof import("jsonc-parser") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("jsonc-parser") as typeof import("jsonc-parser");
}

/** A 1-based line and column in a text. */
export interface TextPosition {
  line: number;
  column: number;
}

/** A JSON document with the position of every key and value, for diagnostics that point into the file. */
export interface JsonSource {
  value: unknown;
  /** where the value at `path` starts (["values", 2, "value"]); as deep as the path exists */
  valueAt(path: readonly (string | number)[]): TextPosition;
  /** where the key of the member at `path` is written (["tag"]), else where its value is */
  keyAt(path: readonly (string | number)[]): TextPosition;
}

/** Why a text is not JSON, and where. */
export interface JsonSyntaxError extends TextPosition {
  message: string;
}

function positionIn(text: string): (offset: number) => TextPosition {
  return (offset) => {
    const before = text.slice(0, Math.min(Math.max(0, offset), text.length));
    const lineStart = before.lastIndexOf("\n") + 1;
    return { line: before.split("\n").length, column: before.length - lineStart + 1 };
  };
}

/** "CloseBracketExpected" -> "close bracket expected". */
function describeError(error: ParseError): string {
  return jsonc().printParseErrorCode(error.error).replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

/** The deepest node on `path` that exists. */
function deepest(root: Node, path: readonly (string | number)[]): Node {
  for (let n = path.length; n > 0; n--) {
    const node = jsonc().findNodeAtLocation(root, [...path.slice(0, n)]);
    if (node) return node;
  }
  return root;
}

/**
 * Parses strict JSON (no comments, no trailing commas) with `jsonc-parser`, which keeps the offset of every
 * node and of the first syntax error, so each diagnostic can point at its line and column.
 */
export function parseJsonSource(text: string): { source: JsonSource } | { error: JsonSyntaxError } {
  const at = positionIn(text);
  const errors: ParseError[] = [];
  const root = jsonc().parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first || !root) return { error: { message: first ? describeError(first) : "no JSON value", ...at(first?.offset ?? 0) } };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    // jsonc-parser is more lenient in a few corners (a lone surrogate, control characters): JSON.parse decides
    return { error: { message: (e as Error).message.split("\n")[0] ?? "invalid JSON", ...at(0) } };
  }
  return {
    source: {
      value,
      valueAt: (path) => at(deepest(root, path).offset),
      keyAt: (path) => {
        const node = deepest(root, path);
        const key = node.parent?.type === "property" ? node.parent.children?.[0] : undefined;
        return at((key ?? node).offset);
      },
    },
  };
}
