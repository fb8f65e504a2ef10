import type { RequestTemplate } from "../model";
import { API_VERSION_VARIABLE } from "../vocabulary/api-versions";

/*
 * --api-version sets API_VERSION for every request of the run. The collection holds API_VERSION too (v1), as the
 * default Postman and newman use; a request's collection variables rank above run variables, so the run's version
 * is written over the collection's default here.
 */

/** The run variables with the run's API version (over a Postman environment's value). */
export function runVariablesForVersion(vars: Record<string, string>, version: string): Record<string, string> {
  return { ...vars, [API_VERSION_VARIABLE]: version };
}

/** The collection's requests with the run's API version in place of the collection's default. */
export function requestsForVersion(requests: Map<string, RequestTemplate>, version: string): Map<string, RequestTemplate> {
  const out = new Map<string, RequestTemplate>();
  for (const [id, t] of requests) {
    out.set(id, API_VERSION_VARIABLE in t.variables ? { ...t, variables: { ...t.variables, [API_VERSION_VARIABLE]: version } } : t);
  }
  return out;
}
