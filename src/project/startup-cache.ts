import { readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Phase, SourcePos, Step, Suite } from "../model";
import type { CollectionCacheContext } from "../load/collection-cache";
import { cacheKey, readCacheEntry, readCacheParts, sealKey, writeCacheEntry, writeCacheParts } from "../load/disk-cache";
import { parseCollection } from "../parse/collection";
import { compactPositions, type PositionShapes } from "../parse/field-positions";
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

/** Part of a cached suite as JSON, positions in its own file made compact; throws when JSON would change it or its data holds the mark itself. */
function encodePart(value: unknown, file: string): string {
  if (!jsonExact(value)) throw new Error("not exact in JSON");
  let clash = false;
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (isOwnPosition(v, file)) return [POSITION_MARK, v.line, v.column];
    if (Array.isArray(v) && v[0] === POSITION_MARK) clash = true;
    return v;
  });
  if (clash) throw new Error("holds the position mark");
  return text;
}

/**
 * A cached part back as parse/ made it: each compact position one object again, all sharing one path string.
 * JSON.parse then one walk (a reviver, called for every value, took three times as long), without recursion.
 */
function decodePart(text: string, file: string): unknown {
  const root: unknown = JSON.parse(text);
  if (isMark(root)) return positionOf(root, file);
  const pending: object[] = typeof root === "object" && root !== null ? [root] : [];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    const record = node as Record<string, unknown>;
    for (const key of Array.isArray(node) ? node.keys() : Object.keys(node)) {
      const value = record[key];
      if (isMark(value)) {
        // as JSON.parse defines it: a key such as "__proto__" stays an own property
        Object.defineProperty(record, key, { value: positionOf(value, file), writable: true, enumerable: true, configurable: true });
      } else if (typeof value === "object" && value !== null) pending.push(value);
    }
  }
  return root;
}

function isMark(value: unknown): value is [string, number, number] {
  return Array.isArray(value) && value.length === 3 && value[0] === POSITION_MARK;
}

function positionOf(mark: [string, number, number], file: string): SourcePos {
  return { file, line: mark[1], column: mark[2] };
}

const PHASES: readonly Phase[] = ["setup", "steps", "teardown"];
/** Steps per stored part: writing and reading a suite holds one part's text at a time, whatever the suite's size. */
const STEPS_PER_PART = 500;

/** The suite as cached: the suite without its steps, then its steps STEPS_PER_PART at a time ([phase, steps]). */
function* suiteParts(suite: Suite, file: string): Generator<string, void> {
  yield encodePart({ ...suite, setup: [], steps: [], teardown: [] }, file);
  for (const phase of PHASES) {
    for (let i = 0; i < suite[phase].length; i += STEPS_PER_PART) yield encodePart([phase, suite[phase].slice(i, i + STEPS_PER_PART)], file);
  }
}

/** A cached suite back from its parts; throws when they are not what suiteParts wrote. */
function suiteFromParts(parts: Iterable<string>, file: string): Suite {
  let suite: Suite | undefined;
  const shapes: PositionShapes = new Map();
  for (const part of parts) {
    if (suite === undefined) {
      suite = decodePart(part, file) as Suite;
      if (typeof suite !== "object" || suite === null || !PHASES.every((phase) => Array.isArray(suite![phase]))) throw new Error("not a suite");
      continue;
    }
    const [phase, steps] = decodePart(part, file) as [Phase, Step[]];
    if (!PHASES.includes(phase) || !Array.isArray(steps)) throw new Error("not a part of a suite");
    for (const step of steps) {
      // as compact as parse/ made them
      if (step && typeof step.fieldPos === "object" && step.fieldPos !== null) step.fieldPos = compactPositions(step.fieldPos, file, shapes);
      suite[phase].push(step);
    }
  }
  if (suite === undefined) throw new Error("empty");
  return suite;
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
    const inputs = ["suite-3", cache.toolVersion, cache.parserFingerprint, schemaText, file, text];
    const ref = { dir, slot: `suite-${cacheKey([file]).slice(0, 16)}`, key: cacheKey(inputs), seal: sealKey(inputs) };
    try {
      return { suite: suiteFromParts(readCacheParts(ref), file), diagnostics: [] };
    } catch {
      // missing, for other inputs, or corrupt: parse below
    }
    const parsed = parseNow(text, file);
    if (parsed.suite && parsed.diagnostics.length === 0) writeCacheParts(ref, suiteParts(parsed.suite, file));
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
