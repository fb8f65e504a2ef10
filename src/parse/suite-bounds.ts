import { isMap, isPair, isScalar, isSeq, type Node } from "yaml";
import type { Diagnostic } from "../model";
import { makeDiagnostic } from "../diagnostics";
import { INPUT_LIMITS } from "../vocabulary/input-limits";
import { posAt, type YamlSource } from "./yaml-source";

const PHASES = ["setup", "steps", "teardown"];
/** Where a suite holds names (a list index is "#"), each bounded by INPUT_LIMITS.name. */
const NAME_PATHS = new Set([
  "name", "tags.#", "regions.#", "needs.#", "exports.#",
  ...PHASES.flatMap((p) => [`${p}.#.name`, `${p}.#.request`, `${p}.#.expect.schema`, `${p}.#.callback.trigger`]),
]);
/** Mappings whose keys are variable names. */
const NAME_KEY_PATHS = new Set(["variables", ...PHASES.map((p) => `${p}.#.capture`)]);

const HINT = "suites are bounded so that a broken file stays cheap to check; shorten or flatten the value";

/** Where a quoted string that opens at `i` ends (a YAML flow string does not span lines here: a stray quote ends at the line). */
function skipQuoted(text: string, i: number): number {
  const quote = text[i];
  let j = i + 1;
  while (j < text.length && text[j] !== quote && text[j] !== "\n") j += text[j] === "\\" && quote === '"' ? 2 : 1;
  return j;
}

/** Where a comment that opens at `i` ends; a # starts one only at the line start or after white space. */
function commentEnd(text: string, i: number): number | undefined {
  if (i > 0 && !/\s/.test(text[i - 1]!)) return undefined;
  const end = text.indexOf("\n", i);
  return end < 0 ? text.length : end;
}

/**
 * Depth of [ and { outside quotes and comments, found in one pass before YAML is parsed: parsing thousands of
 * levels takes seconds and ends in a stack overflow. Returns the offset where the limit is passed, if it is.
 */
export function flowTooDeep(text: string, max: number): number | undefined {
  return flowDepth(text, max, 0).over;
}

/**
 * flowTooDeep over a text given in regions, each starting where the one before ended at a line break (a quoted string or a
 * comment never goes on past one that follows no backslash): the depth the region starts at, the depth it ends at.
 */
export function flowDepth(text: string, max: number, start: number): { depth: number; over?: number } {
  let depth = start;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") i = skipQuoted(text, i);
    else if (c === "#") i = commentEnd(text, i) ?? i;
    else if (c === "[" || c === "{") {
      if (++depth > max) return { depth, over: i };
    } else if ((c === "]" || c === "}") && depth > 0) depth -= 1;
  }
  return { depth };
}

interface Visit {
  node: unknown;
  /** keys from the root ("#" for a list index); its length is the nesting depth */
  path: string[];
}

function tooLong(src: YamlSource, node: Node, what: string, length: number, limit: number): Diagnostic {
  return makeDiagnostic("CC_INPUT_LIMIT", `${what} is ${length} characters long; at most ${limit} are allowed`, posAt(src, node.range?.[0] ?? 0), HINT);
}

/** The problem of one scalar, if it is a name over its bound. */
function scalarProblem(src: YamlSource, at: Visit, node: Node): Diagnostic | undefined {
  if (!isScalar(node) || typeof node.value !== "string" || node.value.length <= INPUT_LIMITS.name) return undefined;
  const path = at.path.join(".");
  return NAME_PATHS.has(path) ? tooLong(src, node, path.replace(/\.#/g, "[]"), node.value.length, INPUT_LIMITS.name) : undefined;
}

/** Children of a collection, with the key each hangs under; keys over their bound are reported on the way. */
function childrenOf(src: YamlSource, at: Visit, out: Diagnostic[]): Visit[] {
  const node = at.node;
  if (isSeq(node)) return node.items.map((item) => ({ node: item, path: [...at.path, "#"] }));
  if (!isMap(node)) return [];
  const limit = NAME_KEY_PATHS.has(at.path.join(".")) ? INPUT_LIMITS.name : INPUT_LIMITS.key;
  const next: Visit[] = [];
  for (const pair of node.items) {
    if (!isPair(pair)) continue;
    const key = isScalar(pair.key) ? String(pair.key.value) : "?";
    if (key.length > limit) out.push(tooLong(src, pair.key as Node, "a key", key.length, limit));
    next.push({ node: pair.value, path: [...at.path, key.length > limit ? "?" : key] });
  }
  return next;
}

/** Names, keys and nesting over INPUT_LIMITS, found by an iterative walk (no recursion: depth is what is checked). */
export function boundsProblems(src: YamlSource): Diagnostic[] {
  return boundsProblemsFrom(src, src.doc.contents, []);
}

/** boundsProblems of the part of a suite at `root`, whose keys from the suite's top are `path` ("#" for a list index). */
export function boundsProblemsFrom(src: YamlSource, root: unknown, path: string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const stack: Visit[] = [{ node: root, path }];
  while (stack.length > 0 && out.length < 20) {
    const at = stack.pop()!;
    const node = at.node as Node | null;
    if (!node || typeof node !== "object") continue;
    const problem = scalarProblem(src, at, node);
    if (problem) out.push(problem);
    if (!isMap(node) && !isSeq(node)) continue;
    if (at.path.length >= INPUT_LIMITS.nesting) {
      out.push(makeDiagnostic("CC_INPUT_LIMIT", `nested more than ${INPUT_LIMITS.nesting} levels deep`, posAt(src, node.range?.[0] ?? 0), HINT));
      continue;
    }
    stack.push(...childrenOf(src, at, out).reverse());
  }
  return out;
}
