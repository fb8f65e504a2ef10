import { readFile } from "node:fs/promises";
import type { LineCounter, Node, Pair, YAMLMap } from "yaml";
import type { AcceptEntry, Diagnostic, SourcePos } from "../model";
import { DiagnosticError, didYouMean, makeDiagnostic } from "../diagnostics";
import { FINDING_CLASSES } from "./findings";

/** yaml is loaded only when there is an accept file to read: a compare without one does not pay for it. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = (): typeof import("yaml") => require("yaml") as typeof import("yaml");

/*
 * conversation-contract.accept.yaml:
 *   accept:
 *     - fingerprint: 3f2a9c0b1d4e        # a finding's fingerprint, as gate.json and the console show it
 *       reason: v1 drops display_name on purpose (JIRA-123)
 *       until: 2026-06-30                # accepted through this day (UTC), then the finding fails again
 *     - suite: contacts                  # or patterns (all given must match; * matches anything)
 *       step: "list *"
 *       path: "$.contacts[].email"
 *       reason: ...
 *       until: ...
 */

/** The keys that select findings by pattern. */
/** The accept file `compare` and `run --baseline` read when it exists and no --accept is given. */
export const DEFAULT_ACCEPT_FILE = "conversation-contract.accept.yaml";

/** The keys that select findings by pattern. */
export const ACCEPT_PATTERN_KEYS = ["suite", "step", "path", "class", "operation", "region"] as const;
const ENTRY_KEYS = ["fingerprint", ...ACCEPT_PATTERN_KEYS, "reason", "until"];
const FINGERPRINT = /^[0-9a-f]{12}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An accept file read: its entries (only when it has no error) and every problem with a position. */
export interface AcceptFile {
  file: string;
  entries: AcceptEntry[];
  diagnostics: Diagnostic[];
}

/** Context of reading one accept file. */
interface ReadContext {
  file: string;
  lines: LineCounter;
  diagnostics: Diagnostic[];
}

/** Parses the text of an accept file; every bad entry is a CC_BAD_ACCEPT diagnostic with file:line:column. */
export function parseAcceptFile(text: string, file: string): AcceptFile {
  const lines = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const ctx: ReadContext = { file, lines, diagnostics: [] };
  for (const err of doc.errors) {
    ctx.diagnostics.push(makeDiagnostic("CC_YAML_SYNTAX", `${err.message.split("\n")[0]} (${err.code})`, posAt(ctx, err.pos[0])));
  }
  if (ctx.diagnostics.length > 0) return { file, entries: [], diagnostics: ctx.diagnostics };
  const entries = readRoot(ctx, doc.contents);
  return { file, entries: ctx.diagnostics.length > 0 ? [] : entries, diagnostics: ctx.diagnostics };
}

/** Reads and parses an accept file; a missing or unreadable file is a diagnostic too. */
export async function loadAcceptFile(path: string): Promise<AcceptFile> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code === "ENOENT" ? "CC_FILE_NOT_FOUND" : "CC_FILE_UNREADABLE";
    return { file: path, entries: [], diagnostics: [makeDiagnostic(code, `accept file ${path}: ${(e as Error).message}`, { file: path })] };
  }
  return parseAcceptFile(text, path);
}

/** What `check` reports about an accept file: every problem, with positions (empty when it is valid). */
export async function checkAcceptFile(path: string): Promise<Diagnostic[]> {
  return (await loadAcceptFile(path)).diagnostics;
}

/** The entries of a valid accept file; a DiagnosticError (every problem) otherwise. */
export async function readAcceptEntries(path: string): Promise<AcceptEntry[]> {
  const accept = await loadAcceptFile(path);
  if (accept.diagnostics.length > 0) throw new DiagnosticError(accept.diagnostics);
  return accept.entries;
}

function readRoot(ctx: ReadContext, root: Node | null): AcceptEntry[] {
  if (root === null || (yaml().isScalar(root) && root.value === null)) return []; // an empty file accepts nothing
  if (!yaml().isMap(root)) return bad(ctx, root, "the accept file must be a mapping with an `accept:` list");
  let list: Node | null | undefined;
  for (const pair of root.items) {
    const key = keyName(pair);
    if (key === "accept") list = pair.value as Node | null;
    else bad(ctx, pair.key as Node, `unknown key \`${key}\`${suggest(key, ["accept"])}`);
  }
  if (list === undefined) return bad(ctx, root, "the accept file has no `accept:` list");
  if (list === null || (yaml().isScalar(list) && list.value === null)) return [];
  if (!yaml().isSeq(list)) return bad(ctx, list, "`accept` must be a list of entries");
  const entries: AcceptEntry[] = [];
  for (const item of list.items) {
    const entry = readEntry(ctx, item as Node);
    if (entry) entries.push(entry);
  }
  return entries;
}

function readEntry(ctx: ReadContext, node: Node): AcceptEntry | undefined {
  if (!yaml().isMap(node)) {
    bad(ctx, node, "an accept entry must be a mapping (fingerprint or patterns, reason, until)");
    return undefined;
  }
  const values = readValues(ctx, node);
  if (!values) return undefined;
  const before = ctx.diagnostics.length;
  const patterns = ACCEPT_PATTERN_KEYS.filter((k) => values[k] !== undefined);
  checkSelection(ctx, node, values, patterns);
  checkNote(ctx, node, values);
  if (ctx.diagnostics.length > before) return undefined;
  const entry: AcceptEntry = { reason: values.reason!, until: values.until!, ...posOf(ctx, node) };
  if (values.fingerprint !== undefined) entry.fingerprint = values.fingerprint;
  for (const k of patterns) entry[k] = values[k]!;
  return entry;
}

/** An entry selects findings by a well-formed fingerprint or by patterns (a known class), never both. */
function checkSelection(ctx: ReadContext, node: YAMLMap, values: EntryValues, patterns: string[]): void {
  const { fingerprint } = values;
  if (fingerprint === undefined && patterns.length === 0) bad(ctx, node, "the entry selects nothing: give `fingerprint`, or one of `suite`, `step`, `path`, `class`, `operation`, `region`");
  if (fingerprint !== undefined && patterns.length > 0) bad(ctx, node, `give either \`fingerprint\` or patterns, not both (\`${patterns.join("`, `")}\`)`);
  if (fingerprint !== undefined && !FINGERPRINT.test(fingerprint)) badAt(ctx, node, "fingerprint", `\`${fingerprint}\` is not a fingerprint (12 hex characters, as gate.json shows them)`);
  if (values.class !== undefined && !values.class.includes("*") && !(values.class in FINDING_CLASSES)) {
    badAt(ctx, node, "class", `unknown finding class \`${values.class}\`${suggest(values.class, Object.keys(FINDING_CLASSES))}`);
  }
}

/** Every entry says why (`reason`) and for how long (`until`, a real date). */
function checkNote(ctx: ReadContext, node: YAMLMap, values: EntryValues): void {
  if (!values.reason?.trim()) bad(ctx, node, "the entry needs a `reason` (why the difference is accepted)");
  if (values.until === undefined) bad(ctx, node, "the entry needs `until: YYYY-MM-DD` (the last day it accepts)");
  else if (!isDate(values.until)) badAt(ctx, node, "until", `\`${values.until}\` is not a date YYYY-MM-DD`);
}

/** An entry's values by key, as text. */
type EntryValues = Record<string, string | undefined>;

/** The entry's keys as strings (numbers and dates keep their source text); undefined when a key is wrong. */
function readValues(ctx: ReadContext, node: YAMLMap): EntryValues | undefined {
  const values: EntryValues = {};
  let ok = true;
  for (const pair of node.items) {
    const key = keyName(pair);
    const value = pair.value as Node | null;
    if (!ENTRY_KEYS.includes(key)) {
      bad(ctx, pair.key as Node, `unknown key \`${key}\` in an accept entry${suggest(key, ENTRY_KEYS)}`);
      ok = false;
    } else if (!yaml().isScalar(value) || value.value === null || typeof value.value === "object") {
      bad(ctx, value ?? (pair.key as Node), `\`${key}\` must be a text`);
      ok = false;
    } else {
      values[key] = value.source ?? String(value.value);
    }
  }
  return ok ? values : undefined;
}

function isDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

function keyName(pair: Pair): string {
  return yaml().isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

function suggest(name: string, known: Iterable<string>): string {
  const close = didYouMean(name, known);
  return close ? ` (did you mean \`${close}\`?)` : "";
}

function badAt(ctx: ReadContext, map: YAMLMap, key: string, message: string): void {
  const pair = map.items.find((p) => keyName(p) === key);
  bad(ctx, (pair?.value as Node | undefined) ?? map, message);
}

/** Records a CC_BAD_ACCEPT at the node; returns no entries, for the callers that stop there. */
function bad(ctx: ReadContext, node: Node, message: string): AcceptEntry[] {
  ctx.diagnostics.push(makeDiagnostic("CC_BAD_ACCEPT", message, posOf(ctx, node)));
  return [];
}

function posOf(ctx: ReadContext, node: Node): SourcePos {
  return posAt(ctx, node.range?.[0] ?? 0);
}

function posAt(ctx: ReadContext, offset: number): SourcePos {
  const { line, col } = ctx.lines.linePos(offset);
  return { file: ctx.file, line, column: col };
}
