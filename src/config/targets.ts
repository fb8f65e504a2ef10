import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { parseEnv } from "node:util";
import type { Diagnostic, RegionTarget } from "../model";
import type { Config } from "./resolve";
import { isUrl, REGIONS } from "./validate";

/** Environment variables that hold the credentials of a real target. */
export const CREDENTIAL_VARS = ["SINCH_CLIENT_ID", "SINCH_CLIENT_SECRET", "SINCH_PROJECT_ID"] as const;

/** Targets of a run against a real region or a URL, with the run variables the environment file adds. */
export interface ResolvedTargets {
  regions: string[];
  targets: Record<string, RegionTarget>;
  /** values of the Postman environment file, for the run variables */
  envValues: Record<string, string>;
}

/** The public URLs of a Sinch region. */
export function regionUrls(region: string): Pick<RegionTarget, "baseUrl" | "authUrl" | "templateBaseUrl"> {
  return {
    baseUrl: `https://${region}.conversation.api.sinch.com`,
    authUrl: `https://${region}.auth.sinch.com`,
    templateBaseUrl: `https://${region}.template.api.sinch.com`,
  };
}

function diag(code: string, message: string, hint?: string, file?: string): Diagnostic {
  return { code, severity: "error", message, ...(hint ? { hint } : {}), ...(file ? { file } : {}) };
}

/** Reads a Postman environment JSON ({values: [{key, value, enabled}]}) into a plain map. */
export function readPostmanEnvironment(file: string, cwd: string, out: Diagnostic[]): Record<string, string> {
  const path = isAbsolute(file) ? file : join(cwd, file);
  let json: { values?: Array<{ key?: unknown; value?: unknown; enabled?: unknown }> };
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : "not valid JSON";
    out.push(diag("CC_BAD_OPTION", `--env ${file}: ${why}`, "expected a Postman environment export", file));
    return {};
  }
  const values: Record<string, string> = {};
  for (const v of Array.isArray(json.values) ? json.values : []) {
    if (typeof v.key === "string" && v.enabled !== false && v.value !== undefined && v.value !== "") values[v.key] = String(v.value);
  }
  return values;
}

/** Process environment over a `.env` file in cwd (the file is optional). */
export function credentialSource(env: Record<string, string | undefined>, cwd: string): Record<string, string | undefined> {
  const file = join(cwd, ".env");
  const fromFile = existsSync(file) ? parseEnv(readFileSync(file, "utf8")) : {};
  return { ...fromFile, ...env };
}

/** Targets for `--target us|eu|br|URL` (the emulator is resolved by the CLI, which starts it). */
export function resolveTargets(config: Config, env: Record<string, string | undefined>): { resolved?: ResolvedTargets; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const envValues = config.env ? readPostmanEnvironment(config.env, config.cwd, diagnostics) : {};
  const fromEnv = credentialSource(env, config.cwd);
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
    diagnostics.push(diag("CC_BAD_OPTION", `--env ${config.env} has no BASE_URL`, "give --target emulator|us|eu|br|URL, or add BASE_URL to the environment"));
  }
  const url = isUrl(config.target) ? config.target : envValues.BASE_URL && config.target === "emulator" ? envValues.BASE_URL : undefined;
  const regions = config.region?.length ? [...config.region] : [url ? envValues.REGION ?? "us" : config.target];
  for (const r of regions) {
    if (!url && !(REGIONS as readonly string[]).includes(r)) diagnostics.push(diag("CC_BAD_OPTION", `unknown region "${r}"`, `expected one of ${REGIONS.join(", ")}`));
  }
  if (diagnostics.length > 0) return { diagnostics };
  const targets: Record<string, RegionTarget> = {};
  for (const region of regions) {
    const urls = url ? { baseUrl: url, authUrl: url, templateBaseUrl: url } : regionUrls(region);
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
