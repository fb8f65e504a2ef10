import { readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import type { SourcePos, Suite } from "../model";
import type { CollectionCacheContext } from "../load/collection-cache";
import { cacheKey, readCacheEntry, sealKey, writeCacheEntry } from "../load/disk-cache";
import { parseCollection } from "../parse/collection";
import type { ParsedSuite } from "../parse/suite";
import { useBuiltSuiteValidator, type SuiteSchema } from "../parse/suite-validator";
import type { CompiledSchemaMemo, MetaSchemaMemo } from "../contract/schema-validator";
import { packageInfo } from "./package-info";

/**
 * Start-up cache: what parse/ makes of unchanged inputs (collections, suites) is kept on disk, keyed by the inputs'
 * bytes, the tool version and the parser's code, so a short run loads neither postman-collection nor yaml. The
 * suite schema's validator is not cached: `npm run build` generates it into dist/. A parsed suite or collection is
 * stored sealed with a key made from its text (what it holds, secrets included, cannot be read without the file);
 * the cache is bounded and readable by its owner only (load/disk-cache).
 */
export interface StartupCache {
  dir?: string;
  toolVersion: string;
  /** size and mtime of every file of parse/: any change of the parser invalidates everything */
  parserFingerprint: string;
}

/** The cache context for a run; `dir` undefined turns caching off. */
export function startupCache(dir: string | undefined): StartupCache {
  let parserFingerprint = "unknown";
  try {
    const parseDir = dirname(require.resolve("../parse/suite"));
    parserFingerprint = cacheKey(readdirSync(parseDir).sort().map((name) => {
      const stat = statSync(join(parseDir, name));
      return `${name}:${stat.size}:${stat.mtimeMs}`;
    }));
  } catch {
    // without a fingerprint the tool version still keys the cache
  }
  return { dir, toolVersion: packageInfo().version, parserFingerprint };
}

/** What loadParsedCollections needs: the real parser plus the cache keys. */
export function collectionCache(cache: StartupCache): CollectionCacheContext {
  return { parse: parseCollection, toolVersion: cache.toolVersion, parserFingerprint: cache.parserFingerprint, cacheDir: cache.dir };
}

/** Whether JSON keeps this value exactly (YAML may give .inf, .nan or -0, which JSON would change). */
function jsonExact(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value) && !Object.is(value, -0);
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (Array.isArray(value)) return value.every((v) => v !== undefined && jsonExact(v));
  if (typeof value === "object") return Object.values(value).every((v) => v === undefined || jsonExact(v));
  return false;
}

/** What a source position in the suite's own file is stored as: [MARK, line, column] instead of 18 copies of its path per step. */
const POSITION_MARK = "\u0000pos";

function isOwnPosition(value: unknown, file: string): value is SourcePos {
  if (typeof value !== "object" || value === null || (value as SourcePos).file !== file) return false;
  const keys = Object.keys(value);
  return keys.length === 3 && keys[0] === "file" && keys[1] === "line" && keys[2] === "column";
}

/** The suite as cached: positions in its own file made compact; undefined when its data holds the mark itself. */
function encodeSuite(suite: Suite, file: string): string | undefined {
  let clash = false;
  const text = JSON.stringify(suite, (_key, value: unknown) => {
    if (isOwnPosition(value, file)) return [POSITION_MARK, value.line, value.column];
    if (Array.isArray(value) && value[0] === POSITION_MARK) clash = true;
    return value;
  });
  return clash ? undefined : text;
}

/** `value` with each compact position in it one object again, all sharing one path string; changed in place. */
function expandPositions(value: unknown, file: string): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    if (value.length === 3 && value[0] === POSITION_MARK) return { file, line: value[1] as number, column: value[2] as number };
    for (let i = 0; i < value.length; i++) value[i] = expandPositions(value[i], file);
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const before = record[key];
    const after = expandPositions(before, file);
    // as JSON.parse defines it: a key such as "__proto__" stays an own property
    if (after !== before) Object.defineProperty(record, key, { value: after, writable: true, enumerable: true, configurable: true });
  }
  return record;
}

/**
 * A cached suite back as parse/ made it. JSON.parse then one walk: a reviver (called for every value) took three times
 * as long, a tenth of a second for a suite of 1000 steps.
 */
function decodeSuite(text: string, file: string): Suite {
  return expandPositions(JSON.parse(text), file) as Suite;
}

/** Suites that parsed cleanly come from the cache; anything else is parsed (and its diagnostics made) anew. */
export function createSuiteParser(schema: SuiteSchema, cache: StartupCache): (text: string, file: string) => ParsedSuite {
  const schemaText = JSON.stringify(schema);
  let parse: ((text: string, file: string, schema: SuiteSchema) => ParsedSuite) | undefined;
  const parseNow = (text: string, file: string): ParsedSuite => {
    if (!parse) {
      useBuiltSuiteValidator(schema); // else the schema is compiled on first use
      // loaded on the first miss only: it brings yaml and the suite builder
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      parse = (require("../parse/suite") as typeof import("../parse/suite")).parseSuite;
    }
    return parse(text, file, schema);
  };
  if (cache.dir === undefined) return parseNow;
  const dir = cache.dir;
  return (text, file) => {
    const inputs = ["suite-2", cache.toolVersion, cache.parserFingerprint, schemaText, file, text];
    const ref = { dir, slot: `suite-${cacheKey([file]).slice(0, 16)}`, key: cacheKey(inputs), seal: sealKey(inputs) };
    const stored = readCacheEntry(ref);
    if (stored !== undefined) {
      try {
        const suite = decodeSuite(stored, file);
        if (typeof suite === "object" && suite !== null && Array.isArray(suite.steps)) return { suite, diagnostics: [] };
      } catch {
        // corrupt: parse again below
      }
    }
    const parsed = parseNow(text, file);
    const encoded = parsed.suite && parsed.diagnostics.length === 0 && jsonExact(parsed.suite) ? encodeSuite(parsed.suite, file) : undefined;
    if (encoded !== undefined) writeCacheEntry(ref, encoded);
    return parsed;
  };
}

/** Schema sets (from --schemas) that passed the meta-schema check once are not checked again while unchanged. */
export function metaSchemaMemo(cache: StartupCache): MetaSchemaMemo | undefined {
  const dir = cache.dir;
  if (dir === undefined) return undefined;
  const ref = (fingerprint: string) => ({ dir, slot: "schemas-meta", key: cacheKey(["schemas-meta-1", cache.toolVersion, fingerprint]) });
  return {
    has: (fingerprint) => readCacheEntry(ref(fingerprint)) === "valid",
    add: (fingerprint) => writeCacheEntry(ref(fingerprint), "valid"),
  };
}

/**
 * Schema sets (from --schemas) that compiled cleanly are kept as ajv's standalone code, so a warm run with unchanged
 * schemas loads neither ajv nor its compiler. One slot per set of files (a --schemas folder); sealed like a parsed suite.
 */
export function compiledSchemaMemo(cache: StartupCache): CompiledSchemaMemo | undefined {
  const dir = cache.dir;
  if (dir === undefined) return undefined;
  const ref = (schemaKey: string, files: string[]) => {
    const inputs = ["schemas-code-1", cache.toolVersion, schemaKey];
    return { dir, slot: `schemas-code-${cacheKey(files).slice(0, 16)}`, key: cacheKey(inputs), seal: sealKey(inputs) };
  };
  return {
    get: (schemaKey, files) => {
      const stored = readCacheEntry(ref(schemaKey, files));
      if (stored === undefined) return undefined;
      try {
        const kept = JSON.parse(stored) as { ids?: unknown; code?: unknown };
        const ids = kept.ids;
        if (!Array.isArray(ids) || !ids.every((id) => typeof id === "string") || typeof kept.code !== "string") return undefined;
        return { ids: ids as string[], code: kept.code };
      } catch {
        return undefined;
      }
    },
    set: (schemaKey, files, compiled) => writeCacheEntry(ref(schemaKey, files), JSON.stringify(compiled)),
  };
}
