import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from "yaml";
import type { SourcePos } from "../model";
import { offsetPosition } from "../diagnostics";

/** A parsed YAML file with what is needed to turn offsets into positions. */
export interface YamlSource {
  file: string;
  doc: Document;
  lineCounter: LineCounter;
}

/** A key and its value found by path; either may be missing. */
export interface Located {
  key?: Node;
  value?: Node;
  /** the deepest node reached when the full path does not exist */
  nearest?: Node;
}

/** Position of a character offset. */
export function posAt(src: YamlSource, offset: number): SourcePos {
  const { line, col } = src.lineCounter.linePos(offset);
  return { file: src.file, line, column: col };
}

/** Position of a character offset of a text not parsed (yet). */
export function textPosition(text: string, file: string, offset: number): SourcePos {
  return { file, ...offsetPosition(text, offset) };
}

/** Position where a node starts (for a block map: its first key). */
export function posOf(src: YamlSource, node: Node | undefined | null): SourcePos | undefined {
  const start = node?.range?.[0];
  return start === undefined ? undefined : posAt(src, start);
}

function asNode(value: unknown): Node | undefined {
  return value && typeof value === "object" && "range" in value ? (value as Node) : undefined;
}

/** Follow a path of keys and indices from the document root. */
export function locate(src: YamlSource, segments: Array<string | number>): Located {
  let current: Node | undefined = asNode(src.doc.contents);
  let key: Node | undefined;
  for (const segment of segments) {
    if (isMap(current)) {
      const pair = current.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return { nearest: current };
      key = asNode(pair.key);
      const value = asNode(pair.value);
      if (!value) return { key, nearest: key };
      current = value;
    } else if (isSeq(current)) {
      const item = asNode(current.items[Number(segment)]);
      if (!item) return { nearest: current };
      key = undefined;
      current = item;
    } else {
      return { nearest: current };
    }
  }
  return { key, value: current };
}

/** Split a JSON pointer (ajv's instancePath) into segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Human path of segments: steps[0].expect.status */
export function displayPath(segments: Array<string | number>): string {
  let out = "";
  for (const s of segments) {
    if (/^\d+$/.test(String(s))) out += `[${s}]`;
    else out += out === "" ? String(s) : `.${s}`;
  }
  return out || "(suite)";
}

/**
 * Record the positions of every key under `node` into `into`, by dotted path: `path` -> the value's
 * position, `path#key` -> the key's position. Sequence items use their index ("needs.0").
 */
export function collectFieldPos(
  src: YamlSource,
  node: Node | undefined,
  prefix: string,
  into: Record<string, SourcePos>,
  skip: ReadonlySet<string> = new Set(),
): void {
  const join = (k: string): string => (prefix === "" ? k : `${prefix}.${k}`);
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const name = String(pair.key.value);
      if (prefix === "" && skip.has(name)) continue;
      const path = join(name);
      const keyPos = posOf(src, asNode(pair.key));
      const valuePos = posOf(src, asNode(pair.value)) ?? keyPos;
      if (keyPos) into[`${path}#key`] = keyPos;
      if (valuePos) into[path] = valuePos;
      collectFieldPos(src, asNode(pair.value), path, into);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const pos = posOf(src, asNode(item));
      if (pos) into[join(String(i))] = pos;
      collectFieldPos(src, asNode(item), join(String(i)), into);
    });
  }
}
