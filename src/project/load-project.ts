import { isAbsolute, resolve } from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Contract, Diagnostic, RequestTemplate, Suite } from "../model";
import { readRunEnvironments, runInputNames, type Config, type RunEnvironments } from "../config";
import { loadSuiteFiles, loadSuiteSchema } from "../load";
import { loadParsedCollections } from "../load/collection-cache";
import { resolveCacheDir } from "../load/cache-dir";
import { loadContract } from "../contract";
import { useCompiledSchemaMemo, useMetaSchemaMemo } from "../contract/schema-validator";
import { checkSuites } from "../check";
import { neededSuiteFiles } from "./needed-suites";
import { PACKAGE_ROOT } from "./package-info";
import { collectionCache, compiledSchemaMemo, createSuiteParser, metaSchemaMemo, startupCache, type StartupCache } from "./startup-cache";

/** Everything a run or a check needs from disk, parsed and checked. */
export interface Project {
  suites: Suite[];
  requests: Map<string, RequestTemplate>;
  contract?: Contract;
  /** file -> text of the files read as one string (up to 1 MiB), for code frames (a larger one is read again when needed) */
  sources: Map<string, string>;
  diagnostics: Diagnostic[];
  /** the --env files, read and checked */
  environments: RunEnvironments;
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

/** What loading suites needs: where they are, how to parse them, and where the results go. */
interface SuiteLoading {
  config: Config;
  parse: ReturnType<typeof createSuiteParser>;
  suites: Suite[];
  sources: Map<string, string>;
  diagnostics: Diagnostic[];
}

/** What a caller may watch of loading (the CLI shows it with DEBUG=1). */
export interface LoadHooks {
  /** suite files were read and are about to be parsed */
  onSuiteFiles?(count: number): void;
}

/** How long parsing suites may hold the event loop; a signal waits at most about this long. */
const YIELD_AFTER_MS = 20;

async function loadSuites(paths: string[], loading: SuiteLoading, hooks: LoadHooks): Promise<void> {
  const loaded = loadSuiteFiles(paths, loading.config.cwd);
  loading.diagnostics.push(...loaded.diagnostics);
  hooks.onSuiteFiles?.(loaded.files.length);
  let busySince = performance.now();
  for (const f of loaded.files) {
    // parsing is synchronous: a turn of the event loop between files now and then lets a signal handler (SIGINT) run
    if (performance.now() - busySince > YIELD_AFTER_MS) {
      await nextTurn();
      busySince = performance.now();
    }
    if (typeof f.text === "string") loading.sources.set(f.file, f.text);
    const parsed = loading.parse(f.text, f.file);
    loading.diagnostics.push(...parsed.diagnostics);
    if (parsed.suite) loading.suites.push(parsed.suite);
  }
}

/** The suites given, then every suite they need that was not given (found next to them or in the package), until none is missing. */
async function loadSuitesWithNeeds(dirs: ReturnType<typeof projectDirs>, loading: SuiteLoading, hooks: LoadHooks): Promise<void> {
  await loadSuites(dirs.suites, loading, hooks);
  const search = { suites: loading.suites, cwd: loading.config.cwd, packageSuites: resolve(PACKAGE_ROOT, "suites") };
  for (let more = neededSuiteFiles(search); more.length > 0; more = neededSuiteFiles(search)) await loadSuites(more, loading, hooks);
}

function parserFor(cache: StartupCache, diagnostics: Diagnostic[]): ReturnType<typeof createSuiteParser> | undefined {
  // the suite format belongs to the tool, so its schema always comes from the package, whatever --schemas says
  const suiteSchema = loadSuiteSchema(resolve(PACKAGE_ROOT, "schemas"));
  diagnostics.push(...suiteSchema.diagnostics);
  return suiteSchema.schema && createSuiteParser(suiteSchema.schema, cache);
}

/** load -> parse -> check; problems come back as diagnostics, nothing is sent. */
export async function loadProject(config: Config, hooks: LoadHooks = {}): Promise<Project> {
  const dirs = projectDirs(config);
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const environments = readRunEnvironments(config, diagnostics);
  const suites: Suite[] = [];
  const cache = startupCache(resolveCacheDir(PACKAGE_ROOT));
  const parse = parserFor(cache, diagnostics);
  if (parse) await loadSuitesWithNeeds(dirs, { config, parse, suites, sources, diagnostics }, hooks);
  const requests = new Map<string, RequestTemplate>();
  const collections = loadParsedCollections(dirs.collections, collectionCache(cache));
  diagnostics.push(...collections.loadDiagnostics);
  for (const parsed of collections.parsed) {
    diagnostics.push(...parsed.diagnostics);
    for (const [id, t] of parsed.requests) requests.set(id, t);
  }
  useMetaSchemaMemo(metaSchemaMemo(cache));
  useCompiledSchemaMemo(compiledSchemaMemo(cache));
  const contractResult = loadContract(dirs.schemas);
  diagnostics.push(...contractResult.diagnostics);
  const contract = contractResult.contract;
  if (contract && !diagnostics.some((d) => d.severity === "error")) {
    diagnostics.push(...checkSuites(suites, { requests, contract, runVariables: runInputNames(config, environments) }));
  }
  return { suites, requests, contract, sources, diagnostics, environments };
}
