import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Diagnostic, LargeText, Phase, Step, Suite, SuiteText } from "../model";
import { makeDiagnostic } from "../diagnostics";
import type { CollectionCacheContext } from "../load/collection-cache";
import { cacheKey, readCacheEntry, sealKey, textDigest, writeCacheEntry, type SealedCacheRef } from "../load/disk-cache";
import { createCachePartsWriter, openCacheParts, writeCacheParts, type OpenCacheParts } from "../load/cache-parts";
import { parseCollection } from "../parse/collection";
import type { ParsedSuite, StepSink } from "../parse/suite";
import { useBuiltSuiteValidator, type SuiteSchema } from "../parse/suite-validator";
import type { CompiledSchemaMemo, MetaSchemaMemo } from "../contract/schema-validator";
import { packageInfo } from "./package-info";
import { heldStepsBudget, suiteFromParts, suiteParts, SuitePartsBuilder, type HoldWhole } from "./suite-parts";
import { stepCount } from "../vocabulary/suite-steps";

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

/** The suite stored for `ref`, or undefined when there is none for these inputs or it is not what suiteParts wrote. */
function storedSuite(ref: SealedCacheRef, file: string, holdWhole: HoldWhole): Suite | undefined {
  let parts: OpenCacheParts;
  try {
    parts = openCacheParts(ref);
  } catch {
    return undefined; // missing, for other inputs, or corrupt
  }
  try {
    return suiteFromParts(parts, file, holdWhole);
  } catch {
    parts.close();
    return undefined;
  }
}

type SuiteParse = (text: SuiteText, file: string, sink?: StepSink) => ParsedSuite;

/** A large text whose reads are hashed on the way: what the parse read must be the text the cache key was made from. */
interface ReadLargeText extends LargeText {
  /** the digest of the text the last complete read gave */
  lastRead?: string;
}

function hashedReads(text: LargeText): ReadLargeText {
  const read: ReadLargeText = {
    *pieces() {
      const hash = createHash("sha256");
      for (const piece of text.pieces()) {
        hash.update(piece);
        yield piece;
      }
      read.lastRead = hash.digest("hex");
    },
    whole() {
      const whole = text.whole();
      read.lastRead = textDigest([whole]);
      return whole;
    },
  };
  return read;
}

function changedWhileRead(file: string): Diagnostic {
  return makeDiagnostic("CC_FILE_UNREADABLE", `${file} changed while it was read`, { file }, "run again once the file is saved");
}

/**
 * Parse now, storing as it goes: a suite that streams cleanly has its steps written to the entry a batch at a time (a
 * large suite is never held whole), then its head; it is then read back from the entry. Undefined when that could not
 * be done (the entry could not be written, a step cannot be stored exactly): what was written is dropped and the
 * caller parses again. A suite that did not stream (it has a problem, or YAML the streaming leaves to the whole-file
 * parse) comes back as parsed, stored whole when clean.
 */
function parseStoring(parse: (sink?: StepSink) => ParsedSuite, ref: SealedCacheRef, file: string, holdWhole: HoldWhole): ParsedSuite | undefined {
  const writer = createCachePartsWriter(ref);
  if (!writer) return undefined;
  const builder = new SuitePartsBuilder(file);
  let storable = true;
  const sink = (phase: Phase, steps: Step[]): void => {
    try {
      if (storable) for (const part of builder.steps(phase, steps)) writer.add(part);
    } catch {
      storable = false;
    }
  };
  const parsed = parse(sink);
  if (!parsed.sunk) writer.abort();
  if (!parsed.sunk) return storeParsed(ref, parsed, file, holdWhole);
  if (!storable || !parsed.suite) {
    writer.abort();
    return undefined;
  }
  try {
    writer.add(builder.head(parsed.suite));
  } catch {
    writer.abort();
    return undefined;
  }
  if (!writer.commit()) return undefined;
  const stored = storedSuite(ref, file, holdWhole);
  return stored && { suite: stored, diagnostics: [] };
}

/**
 * Suites that parsed cleanly come from the cache; anything else is parsed (and its diagnostics made) anew. A suite
 * parsed now is stored as it streams in, then read back as a stored one (a large one holds its steps a part at a time).
 * Without a cache folder, or when the entry cannot be written, the suite is held whole, as parsed.
 */
export function createSuiteParser(schema: SuiteSchema, cache: StartupCache): (text: SuiteText, file: string) => ParsedSuite {
  const schemaText = JSON.stringify(schema);
  let parse: ((text: SuiteText, file: string, schema: SuiteSchema, sink?: StepSink) => ParsedSuite) | undefined;
  const parseNow: SuiteParse = (text, file, sink) => {
    if (!parse) {
      useBuiltSuiteValidator(schema); // else the schema is compiled on first use
      // loaded on the first miss only: it brings yaml and the suite builder
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      parse = (require("../parse/suite") as typeof import("../parse/suite")).parseSuite;
    }
    return parse(text, file, schema, sink);
  };
  if (cache.dir === undefined) return (text, file) => parseNow(text, file);
  const dir = cache.dir;
  const holdWhole = heldStepsBudget();
  return (text, file) => {
    // of a large text, the digest is all that is held of it (a sealed entry opens only with the text's digest)
    const digest = textDigest(typeof text === "string" ? [text] : text.pieces());
    const inputs = ["suite-7", cache.toolVersion, cache.parserFingerprint, schemaText, file, digest];
    const ref = { dir, slot: `suite-${cacheKey([file]).slice(0, 16)}`, key: cacheKey(inputs), seal: sealKey(inputs) };
    const stored = storedSuite(ref, file, holdWhole);
    if (stored) return { suite: stored, diagnostics: [] };
    const read = typeof text === "string" ? undefined : hashedReads(text);
    const parse = (sink?: StepSink): ParsedSuite => {
      const parsed = parseNow(read ?? text, file, sink);
      return read && read.lastRead !== digest ? { diagnostics: [changedWhileRead(file)] } : parsed;
    };
    return parseStoring(parse, ref, file, holdWhole) ?? storeParsed(ref, parse(), file, holdWhole);
  };
}

/** A suite parsed whole, stored when clean; one past the budget is then read back as a stored one (when that works). */
function storeParsed(ref: SealedCacheRef, parsed: ParsedSuite, file: string, holdWhole: HoldWhole): ParsedSuite {
  if (!parsed.suite || parsed.diagnostics.length > 0) return parsed;
  writeCacheParts(ref, suiteParts(parsed.suite, file));
  if (holdWhole(stepCount(parsed.suite))) return parsed;
  return { suite: storedSuite(ref, file, () => false) ?? parsed.suite, diagnostics: [] };
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
