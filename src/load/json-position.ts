import type { Document } from "yaml";

/** A 1-based position in a text. */
interface TextPosition {
  line: number;
  column: number;
}

/** JSON text read by `yaml` (JSON is YAML), which knows the line and column of every node and error. */
function parseWithPositions(text: string): { doc: Document; at(offset: number): TextPosition } {
  // loaded on the first broken file or key lookup only: a run whose JSON parses never loads yaml
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { LineCounter, parseDocument }: typeof import("yaml") = require("yaml");
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, schema: "json", prettyErrors: false });
  return { doc, at: (offset) => ({ line: lineCounter.linePos(offset).line, column: lineCounter.linePos(offset).col }) };
}

/**
 * Where JSON.parse failed: the offset its message gives ("... in JSON at position 8"), else the first error
 * `yaml` finds in the text (Node 20 gives no position for some errors: "Unexpected token '}'"), else the end.
 */
function errorPosition(text: string, message: string): TextPosition {
  const parsed = parseWithPositions(text);
  const reported = /at position (\d+)/.exec(message)?.[1];
  const offset = reported !== undefined ? Number(reported) : (parsed.doc.errors[0]?.pos[0] ?? text.length);
  return parsed.at(Math.min(offset, text.length));
}

/** Parse JSON; on failure, the message and the 1-based position of the error. */
export function parseJsonWithPosition(
  text: string,
): { ok: true; value: unknown } | { ok: false; message: string; line: number; column: number } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).split("\n")[0] ?? "invalid JSON";
    return { ok: false, message, ...errorPosition(text, message) };
  }
}

/** The key (or, for a list index, the item) at `key` of a parsed node, with the offset it starts at. */
function childAt(node: unknown, key: string | number): { node: unknown; offset: number } | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { isMap, isScalar, isSeq }: typeof import("yaml") = require("yaml");
  if (typeof key === "number") {
    const item: unknown = isSeq(node) ? node.items[key] : undefined;
    const range = (item as { range?: [number, number, number] } | undefined)?.range;
    return range ? { node: item, offset: range[0] } : undefined;
  }
  const pair = isMap(node) ? node.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
  if (!pair || !isScalar(pair.key)) return undefined;
  return { node: pair.value, offset: pair.key.range?.[0] ?? 0 };
}

/**
 * Where the key at `keys` (["operations", "Apps/List apps"]; a number is a list index: ["item", 0, "request"]) is
 * written in JSON text; as deep as it exists, else 1:1.
 */
export function keyPosition(text: string, keys: ReadonlyArray<string | number>): TextPosition {
  const parsed = parseWithPositions(text);
  let node: unknown = parsed.doc.contents;
  let offset = 0;
  for (const key of keys) {
    const child = childAt(node, key);
    if (!child) break;
    ({ node, offset } = child);
  }
  return parsed.at(offset);
}
