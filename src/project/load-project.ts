import { isAbsolute, resolve } from "node:path";
import type { Contract, Diagnostic, RequestTemplate, Suite } from "../model";
import { readRunEnvironments, runInputNames, type Config, type RunEnvironments } from "../config";
import { loadSuiteFiles, loadSuiteSchema } from "../load";
import { loadParsedCollections } from "../load/collection-cache";
import { resolveCacheDir } from "../load/disk-cache";
import { loadContract } from "../contract";
import { useMetaSchemaMemo } from "../contract/schema-validator";
import { checkSuites } from "../check";
import { neededSuiteFiles } from "./needed-suites";
import { PACKAGE_ROOT } from "./package-info";
import { collectionCache, createSuiteParser, metaSchemaMemo, startupCache, type StartupCache } from "./startup-cache";

/** Everything a run or a check needs from disk, parsed and checked. */
export interface Project {
  suites: Suite[];
  requests: Map<string, RequestTemplate>;
  contract?: Contract;
  /** file -> text, for code frames */
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

function loadSuites(paths: string[], loading: SuiteLoading): void {
  const loaded = loadSuiteFiles(paths, loading.config.cwd);
  loading.diagnostics.push(...loaded.diagnostics);
  for (const f of loaded.files) {
    loading.sources.set(f.file, f.text);
    const parsed = loading.parse(f.text, f.file);
    loading.diagnostics.push(...parsed.diagnostics);
    if (parsed.suite) loading.suites.push(parsed.suite);
  }
}

/** The suites given, then every suite they need that was not given (found next to them or in the package), until none is missing. */
function loadSuitesWithNeeds(dirs: ReturnType<typeof projectDirs>, loading: SuiteLoading): void {
  loadSuites(dirs.suites, loading);
  const search = { suites: loading.suites, cwd: loading.config.cwd, packageSuites: resolve(PACKAGE_ROOT, "suites") };
  for (let more = neededSuiteFiles(search); more.length > 0; more = neededSuiteFiles(search)) loadSuites(more, loading);
}

function parserFor(cache: StartupCache, diagnostics: Diagnostic[]): ReturnType<typeof createSuiteParser> | undefined {
  // the suite format belongs to the tool, so its schema always comes from the package, whatever --schemas says
  const suiteSchema = loadSuiteSchema(resolve(PACKAGE_ROOT, "schemas"));
  diagnostics.push(...suiteSchema.diagnostics);
  return suiteSchema.schema && createSuiteParser(suiteSchema.schema, cache);
}

/** load -> parse -> check; problems come back as diagnostics, nothing is sent. */
export function loadProject(config: Config): Project {
  const dirs = projectDirs(config);
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const environments = readRunEnvironments(config, diagnostics);
  const suites: Suite[] = [];
  const cache = startupCache(resolveCacheDir(PACKAGE_ROOT));
  const parse = parserFor(cache, diagnostics);
  if (parse) loadSuitesWithNeeds(dirs, { config, parse, suites, sources, diagnostics });
  const requests = new Map<string, RequestTemplate>();
  const collections = loadParsedCollections(dirs.collections, collectionCache(cache));
  diagnostics.push(...collections.loadDiagnostics);
  for (const parsed of collections.parsed) {
    diagnostics.push(...parsed.diagnostics);
    for (const [id, t] of parsed.requests) requests.set(id, t);
  }
  useMetaSchemaMemo(metaSchemaMemo(cache));
  const contractResult = loadContract(dirs.schemas);
  diagnostics.push(...contractResult.diagnostics);
  const contract = contractResult.contract;
  if (contract && !diagnostics.some((d) => d.severity === "error")) {
    diagnostics.push(...checkSuites(suites, { requests, contract, runVariables: runInputNames(config, environments) }));
  }
  return { suites, requests, contract, sources, diagnostics, environments };
}
