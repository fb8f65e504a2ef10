import { statSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import type { Contract, Diagnostic, RequestTemplate, Suite } from "../model";
import type { Config } from "../config";
import { loadSuiteFiles, loadSuiteSchema } from "../load";
import { loadParsedCollections, type CollectionCacheContext } from "../load/collection-cache";
import { cacheKey, readCacheEntry, resolveCacheDir, writeCacheEntry } from "../load/disk-cache";
import { compileSuiteValidator, parseCollection, parseSuite, suiteValidatorFingerprint, useSuiteValidatorSource, type SuiteSchema } from "../parse";
import { loadContract } from "../contract";
import { checkSuites } from "../check";
import { PACKAGE_ROOT, packageInfo } from "./package-info";

/** Variables every step sees without declaring them (COMMON.md item 4), and each region's URLs (BASE_URL_EU, ...). */
export const RUN_VARIABLES = [
  "PROJECT", "REGION", "BASE_URL", "AUTH_URL", "TEMPLATE_BASE_URL", "CLIENT_ID", "CLIENT_SECRET",
  "WEBHOOK_URL", "WEBHOOK_SECRET", "ADMIN_URL",
  ...["US", "EU", "BR"].flatMap((r) => [`BASE_URL_${r}`, `AUTH_URL_${r}`, `TEMPLATE_BASE_URL_${r}`]),
];

/** Everything a run or a check needs from disk, parsed and checked. */
export interface Project {
  suites: Suite[];
  requests: Map<string, RequestTemplate>;
  contract?: Contract;
  /** file -> text, for code frames */
  sources: Map<string, string>;
  diagnostics: Diagnostic[];
}

/** Where suites, collections and schemas come from: flags relative to cwd, else the package's own folders. */
export function projectDirs(config: Config): { suites: string[]; collections: string; schemas: string } {
  const dir = (given: string | undefined, fallback: string) => (given ? (isAbsolute(given) ? given : resolve(config.cwd, given)) : resolve(PACKAGE_ROOT, fallback));
  return {
    suites: config.suites.length > 0 ? [...config.suites] : [resolve(PACKAGE_ROOT, "suites")],
    collections: dir(config.collections, "collections"),
    schemas: dir(config.schemas, "schemas"),
  };
}

/** load -> parse -> check; problems come back as diagnostics, nothing is sent. */
export function loadProject(config: Config, extraVariables: string[] = []): Project {
  const dirs = projectDirs(config);
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const loaded = loadSuiteFiles(dirs.suites, config.cwd);
  diagnostics.push(...loaded.diagnostics);
  const suites: Suite[] = [];
  // the suite format belongs to the tool, so its schema always comes from the package, whatever --schemas says
  const suiteSchema = loadSuiteSchema(resolve(PACKAGE_ROOT, "schemas"));
  diagnostics.push(...suiteSchema.diagnostics);
  const cacheDir = resolveCacheDir(PACKAGE_ROOT);
  if (suiteSchema.schema && loaded.files.length > 0) prepareSuiteValidator(suiteSchema.schema, cacheDir);
  for (const f of suiteSchema.schema ? loaded.files : []) {
    sources.set(f.file, f.text);
    const parsed = parseSuite(f.text, f.file, suiteSchema.schema!);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.suite) suites.push(parsed.suite);
  }
  const requests = new Map<string, RequestTemplate>();
  const collections = loadParsedCollections(dirs.collections, collectionCache(cacheDir));
  diagnostics.push(...collections.loadDiagnostics);
  for (const parsed of collections.parsed) {
    diagnostics.push(...parsed.diagnostics);
    for (const [id, t] of parsed.requests) requests.set(id, t);
  }
  const contractResult = loadContract(dirs.schemas);
  diagnostics.push(...contractResult.diagnostics);
  const contract = contractResult.contract;
  if (contract && !diagnostics.some((d) => d.severity === "error")) {
    diagnostics.push(...checkSuites(suites, { requests, contract, runVariables: [...RUN_VARIABLES, ...extraVariables] }));
  }
  return { suites, requests, contract, sources, diagnostics };
}

/** Parsed collections are cached on disk; the key covers the tool version and the parser's own code. */
function collectionCache(cacheDir: string | undefined): CollectionCacheContext {
  let parserFingerprint = "unknown";
  try {
    const parser = statSync(require.resolve("../parse/collection"));
    parserFingerprint = `${parser.size}:${parser.mtimeMs}`;
  } catch {
    // without a fingerprint the tool version still keys the cache
  }
  return { parse: parseCollection, toolVersion: packageInfo().version, parserFingerprint, cacheDir };
}

/** The suite schema's validator from the cache (generated code, no compiling), else compiled now and cached. */
function prepareSuiteValidator(schema: SuiteSchema, cacheDir: string | undefined): void {
  if (cacheDir === undefined) return;
  const key = cacheKey(["suite-validator-1", packageInfo().version, suiteValidatorFingerprint(), JSON.stringify(schema)]);
  const cached = readCacheEntry(cacheDir, key);
  if (cached !== undefined && useSuiteValidatorSource(schema, cached)) return;
  const source = compileSuiteValidator(schema);
  if (source !== undefined) writeCacheEntry(cacheDir, key, source);
}
