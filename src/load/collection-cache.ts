import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic, RequestTemplate } from "../model";
import { makeDiagnostic } from "../diagnostics";
import { cacheKey, readCacheEntry, writeCacheEntry } from "./disk-cache";
import { collectionRequestProblems } from "./collection-items";
import { parseJsonWithPosition } from "./json-position";

/** What a collection parser returns (parse/parseCollection's shape; load must not import parse). */
export interface ParsedRequests {
  requests: Map<string, RequestTemplate>;
  diagnostics: Diagnostic[];
}

/** How collections are parsed and where their parsed form is cached. */
export interface CollectionCacheContext {
  parse: (json: unknown, file: string) => ParsedRequests;
  /** the tool's version: an entry written by another version is never used */
  toolVersion: string;
  /** changes whenever the parser's code changes (e.g. size and mtime of its compiled file) */
  parserFingerprint: string;
  /** undefined: no caching at all */
  cacheDir?: string;
}

/** The collections of a folder, parsed (from the cache when the file's bytes were seen before). */
export interface ParsedCollections {
  /** problems finding or reading the files (loadCollections' diagnostics) */
  loadDiagnostics: Diagnostic[];
  parsed: Array<ParsedRequests & { file: string; fromCache: boolean }>;
}

const COLLECTION_FILE = /\.postman_collection\.json$/;
// bumped when what a parsed entry holds changes (2: request problems found in load/collection-items.ts)
const FORMAT = "collection-2";

function decode(payload: string): ParsedRequests | undefined {
  try {
    const entry = JSON.parse(payload) as { requests?: unknown; diagnostics?: unknown };
    // a hand-edited or foreign entry is a miss, never an error
    if (!Array.isArray(entry.requests) || !Array.isArray(entry.diagnostics)) return undefined;
    const pairs = entry.requests as unknown[];
    if (!pairs.every((r) => Array.isArray(r) && typeof r[0] === "string" && typeof r[1] === "object" && r[1] !== null)) return undefined;
    return { requests: new Map(pairs as Array<[string, RequestTemplate]>), diagnostics: entry.diagnostics as Diagnostic[] };
  } catch {
    return undefined;
  }
}

function parseOne(file: string, bytes: Buffer, ctx: CollectionCacheContext): (ParsedRequests & { fromCache: boolean }) | Diagnostic {
  const key = cacheKey([FORMAT, ctx.toolVersion, ctx.parserFingerprint, file, bytes]);
  const ref = ctx.cacheDir === undefined ? undefined : { dir: ctx.cacheDir, slot: `collection-${cacheKey([file]).slice(0, 16)}`, key };
  const stored = ref === undefined ? undefined : readCacheEntry(ref);
  const hit = stored === undefined ? undefined : decode(stored);
  if (hit) return { ...hit, fromCache: true };
  const text = bytes.toString("utf8");
  const parsedJson = parseJsonWithPosition(text);
  if (!parsedJson.ok) {
    const at = { file, line: parsedJson.line, column: parsedJson.column };
    return makeDiagnostic("CC_COLLECTION_INVALID", `invalid JSON: ${parsedJson.message}`, at);
  }
  const parsed = ctx.parse(parsedJson.value, file);
  parsed.diagnostics.push(...collectionRequestProblems(parsedJson.value, text, file));
  if (ref !== undefined) {
    writeCacheEntry(ref, JSON.stringify({ requests: [...parsed.requests], diagnostics: parsed.diagnostics }));
  }
  return { ...parsed, fromCache: false };
}

function readBytes(file: string): Buffer | Diagnostic {
  try {
    return readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return makeDiagnostic("CC_FILE_NOT_FOUND", `no such file: ${file}`, { file });
    return makeDiagnostic("CC_FILE_UNREADABLE", `cannot read ${file} (${code ?? "error"})`, { file });
  }
}

/**
 * loadCollections + parse in one pass, with the same diagnostics in the same order, but each file's parsed
 * requests are cached by a hash of its bytes, its path, the tool version and the parser, so an unchanged
 * collection is not interpreted again (and the Postman library need not be loaded at all).
 */
export function loadParsedCollections(dir: string, ctx: CollectionCacheContext): ParsedCollections {
  const loadDiagnostics: Diagnostic[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => COLLECTION_FILE.test(name)).sort();
  } catch {
    return { loadDiagnostics: [makeDiagnostic("CC_FILE_NOT_FOUND", `no such directory: ${dir}`, { file: dir })], parsed: [] };
  }
  const parsed: ParsedCollections["parsed"] = [];
  for (const name of names) {
    const file = join(dir, name);
    const bytes = readBytes(file);
    const one = Buffer.isBuffer(bytes) ? parseOne(file, bytes, ctx) : bytes;
    if ("code" in one) loadDiagnostics.push(one);
    else parsed.push({ file, ...one });
  }
  if (names.length === 0) {
    loadDiagnostics.push(makeDiagnostic("CC_FILE_NOT_FOUND", `no *.postman_collection.json in ${dir}`, { file: dir }));
  }
  return { loadDiagnostics, parsed };
}
