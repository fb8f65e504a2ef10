import { isAlias, visit, type Node } from "yaml";
import type { Diagnostic } from "../model";
import { makeDiagnostic } from "../diagnostics";
import { posAt, textPosition, type YamlSource } from "./yaml-source";

/** Characters YAML does not allow in a stream (everything but tab, LF and CR below U+0020, DEL, C1 but NEL, U+FFFE/F). */
const NOT_PRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u0080-\u0084\u0086-\u009F\uFFFE\uFFFF]/;

/** A suite file holding a NUL byte or another character YAML forbids: one diagnostic at the first of them. */
/** Whether the text holds a character YAML forbids (forbiddenCharacter says which and where). */
export function hasForbiddenCharacter(text: string): boolean {
  return NOT_PRINTABLE.test(text);
}

export function forbiddenCharacter(text: string, file: string): Diagnostic | undefined {
  const m = NOT_PRINTABLE.exec(text);
  if (!m) return undefined;
  const code = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
  return makeDiagnostic("CC_YAML_SYNTAX", `control character ${code} is not allowed in YAML`, textPosition(text, file, m.index),
    "a suite is plain text: remove the character, or write it as an escape (\"\\u0000\") inside a double-quoted string");
}

/** The tags of plain data; anything else (!!binary, !!set, !custom ...) would not reach a request as written. */
const PLAIN_TAGS = new Set(["str", "int", "float", "bool", "null", "map", "seq"].map((t) => `tag:yaml.org,2002:${t}`));

function tagStart(text: string | undefined, node: Node): number {
  const start = node.range?.[0] ?? 0;
  if (text === undefined) return start;
  let bang = text.lastIndexOf("!", start);
  while (bang > 0 && text[bang - 1] === "!") bang -= 1;
  return bang >= 0 && !text.slice(bang, start).includes("\n") ? bang : start;
}

/**
 * Explicit YAML tags other than those of plain data, and aliases to an anchor that was never set. Without the text,
 * a tag is shown as resolved and placed at its node (for a caller that only needs to know whether there is one).
 */
export function unsupportedNodes(src: YamlSource, text?: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(src.doc, {
    Alias(_, node) {
      if (node.resolve(src.doc) === undefined) {
        out.push(makeDiagnostic("CC_YAML_SYNTAX", `alias *${node.source} refers to no anchor`, posAt(src, node.range?.[0] ?? 0),
          `set the anchor (&${node.source}) on a value above this line, or write the value here`));
      }
    },
    Node(_, node) {
      if (isAlias(node) || node.tag === undefined || PLAIN_TAGS.has(node.tag)) return;
      const at = tagStart(text, node);
      const written = (text === undefined ? undefined : /^![^\s]*/.exec(text.slice(at))?.[0]) ?? node.tag;
      out.push(makeDiagnostic("CC_YAML_SYNTAX", `YAML tag ${written} is not supported in a suite`, posAt(src, at),
        "suites are plain data: remove the tag and write the value as a string, number, list or mapping"));
    },
  });
  return out;
}

/** Where the first alias of the document is (toJS fails on aliases only: too many of them), else 1:1. */
export function firstAliasOffset(src: YamlSource): number {
  let offset = 0;
  visit(src.doc, {
    Alias(_, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

const WELL_FORMED = /^\{\{\s*[^{}\s]+\s*\}\}/;

/** Offsets (in the value) of every "{{" that does not open a well-formed {{NAME}}. */
function malformedOpenings(value: string): number[] {
  const out: number[] = [];
  for (let i = value.indexOf("{{"); i >= 0; i = value.indexOf("{{", i + 1)) {
    const m = WELL_FORMED.exec(value.slice(i, i + 4096));
    if (m) i += m[0].length - 1;
    else if (value[i + 2] !== "{") out.push(i);
  }
  return out;
}

/** Where the k-th "{{" of a scalar's value is in the file (escapes aside, the same k-th "{{" of its source). */
function openingOffset(text: string | undefined, node: Node, value: string, at: number): number {
  const [start = 0, end = start] = node.range ?? [];
  if (text === undefined) return start;
  const nth = value.slice(0, at).split("{{").length - 1;
  let offset = text.indexOf("{{", start);
  for (let k = 0; k < nth && offset >= 0; k++) offset = text.indexOf("{{", offset + 2);
  return offset >= start && offset < end ? offset : start;
}

/** Every "{{" in a string of the suite (keys too) that is not a well-formed {{NAME}}: an unclosed {{VAR}, an empty {{}}; without the text, each placed at its string. */
export function malformedTemplates(src: YamlSource, text?: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(src.doc, {
    Scalar(_, node) {
      if (typeof node.value !== "string" || !node.value.includes("{{")) return;
      for (const at of malformedOpenings(node.value)) {
        const shown = node.value.slice(at, at + 40).split("\n")[0] ?? "";
        out.push(makeDiagnostic("CC_BAD_TEMPLATE", `"${shown}${node.value.length > at + 40 ? "…" : ""}" is not a {{VARIABLE}}`,
          posAt(src, openingOffset(text, node, node.value, at))));
      }
    },
  });
  return out;
}
