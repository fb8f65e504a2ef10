import type { RequestTemplate } from "../model";
import { API_VERSION_VARIABLE } from "../vocabulary/api-versions";

/*
 * --api-version sets API_VERSION for every request of the run. The collection holds API_VERSION too (v1), as the
 * default Postman and newman use; a request's collection variables rank above run variables, so the run's version
 * is written over the collection's default here, and over an environment file's value.
 */

/** What a run takes its variables from. */
export interface RunVariableSources {
  requests: Map<string, RequestTemplate>;
  runVariables: Record<string, string>;
  regionVariables?: Record<string, Record<string, string>>;
}

/** The run's requests and variables with API_VERSION set to the run's version everywhere it could come from. */
export function withApiVersion(version: string, sources: RunVariableSources): RunVariableSources {
  const set = <T extends Record<string, string>>(vars: T): T => ({ ...vars, [API_VERSION_VARIABLE]: version });
  const requests = new Map<string, RequestTemplate>();
  for (const [id, t] of sources.requests) requests.set(id, API_VERSION_VARIABLE in t.variables ? { ...t, variables: set(t.variables) } : t);
  const out: RunVariableSources = { requests, runVariables: set(sources.runVariables) };
  if (sources.regionVariables) {
    out.regionVariables = Object.fromEntries(Object.entries(sources.regionVariables).map(([region, vars]) => [region, set(vars)]));
  }
  return out;
}
