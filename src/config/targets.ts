import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { parseEnv } from "node:util";
import type { Diagnostic, RegionTarget } from "../model";
import { isRegion, REGIONS, regionUrls, type Region } from "../vocabulary/regions";
import type { Config } from "./resolve";
import { baseUrlProblem, isUrl } from "./validate";

/** Environment variables that hold the credentials of a real target. */
export const CREDENTIAL_VARS = ["SINCH_CLIENT_ID", "SINCH_CLIENT_SECRET", "SINCH_PROJECT_ID"] as const;

/** Targets of a run against a real region or a URL, with the run variables the environment file adds. */
export interface ResolvedTargets {
  regions: string[];
  targets: Record<string, RegionTarget>;
  /** values of the Postman environment file, for the run variables */
  envValues: Record<string, string>;
}

function diag(code: string, message: string, hint?: string, file?: string): Diagnostic {
  return { code, severity: "error", message, ...(hint ? { hint } : {}), ...(file ? { file } : {}) };
}

const ENV_FILE_HINT = "expected a Postman environment export: {\"values\": [{\"key\": \"BASE_URL\", \"value\": \"...\"}]}";
/** Keys of a Postman environment that become base URLs of requests. */
const URL_KEYS = ["BASE_URL", "AUTH_URL", "TEMPLATE_BASE_URL"] as const;

function readFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "file not found";
  if (code === "EISDIR") return "is a directory, not a file";
  if (code === "EACCES" || code === "EPERM") return "cannot be read (permission denied)";
  return `cannot be read (${code ?? "unknown error"})`;
}

/** Reads a Postman environment JSON ({values: [{key, value, enabled}]}) into a plain map. */
export function readPostmanEnvironment(file: string, cwd: string, out: Diagnostic[]): Record<string, string> {
  const fail = (why: string): Record<string, string> => {
    out.push(diag("CC_BAD_ENV_FILE", `--env ${file}: ${why}`, ENV_FILE_HINT, file));
    return {};
  };
  const json = readJson(isAbsolute(file) ? file : join(cwd, file));
  if ("problem" in json) return fail(json.problem);
  const list = (json.value as { values?: unknown } | null)?.values;
  if (typeof json.value !== "object" || json.value === null || Array.isArray(json.value) || !Array.isArray(list)) {
    return fail("not a Postman environment (no \"values\" list)");
  }
  const values = enabledValues(list);
  for (const key of URL_KEYS) {
    const problem = urlProblem(values[key]);
    if (problem) fail(`${key} ${problem}`);
  }
  return values;
}

function readJson(path: string): { value: unknown } | { problem: string } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    return { problem: readFailure(e) };
  }
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (e) {
    return { problem: `not valid JSON (${(e as Error).message})` };
  }
}

/** The enabled, non-empty values of an environment's "values" list. */
function enabledValues(list: unknown[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const v of list as Array<{ key?: unknown; value?: unknown; enabled?: unknown } | null>) {
    if (v && typeof v.key === "string" && v.enabled !== false && v.value !== undefined && v.value !== "") values[v.key] = String(v.value);
  }
  return values;
}

function urlProblem(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  return isUrl(url) ? baseUrlProblem(url) : "is not an http(s) URL";
}

/** Process environment over a `.env` file in cwd (the file is optional); a .env that cannot be read is a CC_BAD_ENV_FILE. */
export function credentialSource(env: Record<string, string | undefined>, cwd: string, out: Diagnostic[] = []): Record<string, string | undefined> {
  const file = join(cwd, ".env");
  if (!existsSync(file)) return { ...env };
  let fromFile: Record<string, string | undefined> = {};
  try {
    fromFile = parseEnv(readFileSync(file, "utf8"));
  } catch (e) {
    out.push(diag("CC_BAD_ENV_FILE", `.env ${readFailure(e)}`, "a .env file holds KEY=value lines (SINCH_CLIENT_ID=...); remove or fix it", file));
  }
  return { ...fromFile, ...env };
}

/** Targets for `--target us|eu|br|URL` (the emulator is resolved by project/, which starts it). */
export function resolveTargets(config: Config, env: Record<string, string | undefined>): { resolved?: ResolvedTargets; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const envValues = config.env ? readPostmanEnvironment(config.env, config.cwd, diagnostics) : {};
  const fromEnv = credentialSource(env, config.cwd, diagnostics);
  if (diagnostics.length > 0) return { diagnostics };
  const creds = credentialsOf(fromEnv, envValues);
  const missing = missingCredentials(creds, config.cwd);
  diagnostics.push(...(missing.length > 0 ? missing : noBaseUrl(config, envValues)));
  const url = targetUrl(config, envValues);
  const regions = config.region?.length ? [...config.region] : [url ? envValues.REGION ?? "us" : config.target];
  if (!url) diagnostics.push(...unknownRegions(regions));
  if (diagnostics.length > 0) return { diagnostics };
  const targets: Record<string, RegionTarget> = {};
  for (const region of regions) targets[region] = regionTarget({ region, url, envValues, creds });
  return { resolved: { regions, targets, envValues }, diagnostics };
}

/** The credentials from the process environment or .env, else from a Postman environment (the emulator's carry CLIENT_ID / CLIENT_SECRET). */
type Credentials = Record<(typeof CREDENTIAL_VARS)[number], string | undefined>;

function credentialsOf(fromEnv: Record<string, string | undefined>, envValues: Record<string, string>): Credentials {
  return {
    SINCH_CLIENT_ID: fromEnv.SINCH_CLIENT_ID || envValues.CLIENT_ID,
    SINCH_CLIENT_SECRET: fromEnv.SINCH_CLIENT_SECRET || envValues.CLIENT_SECRET,
    SINCH_PROJECT_ID: fromEnv.SINCH_PROJECT_ID || envValues.PROJECT,
  };
}

function missingCredentials(creds: Credentials, cwd: string): Diagnostic[] {
  return CREDENTIAL_VARS.filter((name) => !creds[name]).map((name) =>
    diag("CC_MISSING_CREDENTIAL", `${name} is not set`, `set ${name} in the environment or in a .env file in ${cwd} (never in a suite or collection)`));
}

/** `--env` with the default target names the API to test by its BASE_URL, so it must have one. */
function noBaseUrl(config: Config, envValues: Record<string, string>): Diagnostic[] {
  if (config.target !== "emulator" || !config.env || envValues.BASE_URL) return [];
  return [diag("CC_BAD_ENV_FILE", `--env ${config.env} has no BASE_URL`, "give --target emulator|us|eu|br|URL, or add BASE_URL to the environment")];
}

function unknownRegions(regions: string[]): Diagnostic[] {
  return regions.filter((r) => !isRegion(r)).map((r) => diag("CC_BAD_OPTION", `unknown region "${r}"`, `expected one of ${REGIONS.join(", ")}`));
}

/** A URL target, or the environment's BASE_URL when the target was left at its default. */
function targetUrl(config: Config, envValues: Record<string, string>): string | undefined {
  if (isUrl(config.target)) return config.target;
  return envValues.BASE_URL && config.target === "emulator" ? envValues.BASE_URL : undefined;
}

/** What one region's target is made of; without a URL the region was checked to be known. */
interface RegionTargetInput {
  region: string;
  url?: string;
  envValues: Record<string, string>;
  creds: Credentials;
}

function regionTarget({ region, url, envValues, creds }: RegionTargetInput): RegionTarget {
  const urls = url ? { baseUrl: url, authUrl: url, templateBaseUrl: url } : regionUrls(region as Region);
  return {
    region,
    baseUrl: trimSlash(envValues.BASE_URL ?? urls.baseUrl),
    authUrl: trimSlash(envValues.AUTH_URL ?? urls.authUrl),
    templateBaseUrl: trimSlash(envValues.TEMPLATE_BASE_URL ?? urls.templateBaseUrl),
    projectId: creds.SINCH_PROJECT_ID!,
    clientId: creds.SINCH_CLIENT_ID!,
    clientSecret: creds.SINCH_CLIENT_SECRET!,
  };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
