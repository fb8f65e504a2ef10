import { isAbsolute, resolve } from "node:path";
import type { Contract, Diagnostic, RequestTemplate, Suite } from "../model";
import type { Config } from "../config";
import { loadSuiteFiles, loadSuiteSchema } from "../load";
import { loadParsedCollections } from "../load/collection-cache";
import { resolveCacheDir } from "../load/disk-cache";
import { loadContract } from "../contract";
import { useMetaSchemaMemo } from "../contract/schema-validator";
import { checkSuites } from "../check";
import { PACKAGE_ROOT } from "./package-info";
import { collectionCache, createSuiteParser, metaSchemaMemo, startupCache } from "./startup-cache";

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
  const cache = startupCache(resolveCacheDir(PACKAGE_ROOT));
  const parseSuite = suiteSchema.schema && createSuiteParser(suiteSchema.schema, cache);
  for (const f of parseSuite ? loaded.files : []) {
    sources.set(f.file, f.text);
    const parsed = parseSuite!(f.text, f.file);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.suite) suites.push(parsed.suite);
  }
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
    diagnostics.push(...checkSuites(suites, { requests, contract, runVariables: extraVariables }));
  }
  return { suites, requests, contract, sources, diagnostics };
}
