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
  const path = isAbsolute(file) ? file : join(cwd, file);
  const fail = (why: string): Record<string, string> => {
    out.push(diag("CC_BAD_ENV_FILE", `--env ${file}: ${why}`, ENV_FILE_HINT, file));
    return {};
  };
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    return fail(readFailure(e));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return fail(`not valid JSON (${(e as Error).message})`);
  }
  const list = (json as { values?: unknown } | null)?.values;
  if (typeof json !== "object" || json === null || Array.isArray(json) || !Array.isArray(list)) return fail("not a Postman environment (no \"values\" list)");
  const values: Record<string, string> = {};
  for (const v of list as Array<{ key?: unknown; value?: unknown; enabled?: unknown } | null>) {
    if (v && typeof v.key === "string" && v.enabled !== false && v.value !== undefined && v.value !== "") values[v.key] = String(v.value);
  }
  for (const key of URL_KEYS) {
    const url = values[key];
    if (url === undefined) continue;
    if (!isUrl(url)) fail(`${key} is not an http(s) URL`);
    else if (baseUrlProblem(url)) fail(`${key} ${baseUrlProblem(url)}`);
  }
  return values;
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
  // a Postman environment may carry CLIENT_ID / CLIENT_SECRET (the emulator's do); the environment wins
  const creds: Record<string, string | undefined> = {
    SINCH_CLIENT_ID: fromEnv.SINCH_CLIENT_ID || envValues.CLIENT_ID,
    SINCH_CLIENT_SECRET: fromEnv.SINCH_CLIENT_SECRET || envValues.CLIENT_SECRET,
    SINCH_PROJECT_ID: fromEnv.SINCH_PROJECT_ID || envValues.PROJECT,
  };
  const project = creds.SINCH_PROJECT_ID;
  for (const name of CREDENTIAL_VARS) {
    const present = creds[name];
    if (!present) {
      diagnostics.push(diag("CC_MISSING_CREDENTIAL", `${name} is not set`, `set ${name} in the environment or in a .env file in ${config.cwd} (never in a suite or collection)`));
    }
  }
  if (config.target === "emulator" && config.env && !envValues.BASE_URL && diagnostics.length === 0) {
    diagnostics.push(diag("CC_BAD_ENV_FILE", `--env ${config.env} has no BASE_URL`, "give --target emulator|us|eu|br|URL, or add BASE_URL to the environment"));
  }
  const url = isUrl(config.target) ? config.target : envValues.BASE_URL && config.target === "emulator" ? envValues.BASE_URL : undefined;
  const regions = config.region?.length ? [...config.region] : [url ? envValues.REGION ?? "us" : config.target];
  for (const r of regions) {
    if (!url && !isRegion(r)) diagnostics.push(diag("CC_BAD_OPTION", `unknown region "${r}"`, `expected one of ${REGIONS.join(", ")}`));
  }
  if (diagnostics.length > 0) return { diagnostics };
  const targets: Record<string, RegionTarget> = {};
  for (const region of regions) {
    // without a URL every region was checked above
    const urls = url ? { baseUrl: url, authUrl: url, templateBaseUrl: url } : regionUrls(region as Region);
    targets[region] = {
      region,
      baseUrl: trimSlash(envValues.BASE_URL ?? urls.baseUrl),
      authUrl: trimSlash(envValues.AUTH_URL ?? urls.authUrl),
      templateBaseUrl: trimSlash(envValues.TEMPLATE_BASE_URL ?? urls.templateBaseUrl),
      projectId: project!,
      clientId: creds.SINCH_CLIENT_ID!,
      clientSecret: creds.SINCH_CLIENT_SECRET!,
    };
  }
  return { resolved: { regions, targets, envValues }, diagnostics };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
