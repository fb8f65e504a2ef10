import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";
import type { Diagnostic, RegionTarget } from "../model";
import { GLOBAL_AUTH_URL, isRegion, regionUrls, type Region } from "../vocabulary/regions";
import { readPostmanEnvironment, type PostmanEnvironment } from "./postman-environment";
import type { Config } from "./resolve";
import { isUrl } from "./validate";

/** Environment variables that hold the credentials of a real target. */
export const CREDENTIAL_VARS = ["SINCH_CLIENT_ID", "SINCH_CLIENT_SECRET", "SINCH_PROJECT_ID"] as const;

/** The emulator regions a run uses when neither --region nor an environment file says otherwise. */
const EMULATOR_DEFAULT_REGIONS: readonly Region[] = ["us", "eu"];

/** The Postman environments of a run: one for every region, and one per region (`--env eu=FILE`) layered over it. */
export interface RunEnvironments {
  common?: PostmanEnvironment;
  byRegion: Map<string, PostmanEnvironment>;
}

/** Targets of a run against a real region or a URL, with the run variables the environment files add. */
export interface ResolvedTargets {
  regions: string[];
  targets: Record<string, RegionTarget>;
  /** per region: the values of its environment files (each is a run variable of that region) */
  regionValues: Record<string, Record<string, string>>;
  /** values the environment files mark as secret */
  secrets: string[];
}

function diag(code: string, message: string, hint?: string, file?: string): Diagnostic {
  return { code, severity: "error", message, ...(hint ? { hint } : {}), ...(file ? { file } : {}) };
}

/** Reads and checks every --env file of the config; problems are CC_BAD_ENV_FILE diagnostics at their line and column. */
export function readRunEnvironments(config: Config, out: Diagnostic[]): RunEnvironments {
  const envs: RunEnvironments = { byRegion: new Map() };
  for (const ref of config.envFiles) {
    const env = readPostmanEnvironment(ref, config.cwd, out);
    if (!env) continue;
    if (ref.region === undefined) envs.common = env;
    else envs.byRegion.set(ref.region, env);
  }
  return envs;
}

/** The values a region's steps see from the environment files: the common file's, then the region's own. */
function environmentValues(envs: RunEnvironments, region: string): Record<string, string> {
  return { ...envs.common?.values, ...envs.byRegion.get(region)?.values };
}

/** Every variable name the environment files and --var give the run, for the static checks. */
export function runInputNames(config: Config, envs: RunEnvironments): string[] {
  const names = new Set(Object.keys(config.vars));
  for (const env of [envs.common, ...envs.byRegion.values()]) for (const key of Object.keys(env?.values ?? {})) names.add(key);
  return [...names];
}

/**
 * The regions a run plans: --region; else the target's region; else the regions the environment files name
 * (`eu=FILE`, a common file's REGION, default us); else, on the in-process emulator, us and eu.
 */
export function runRegions(config: Config, envs: RunEnvironments): string[] {
  if (config.region?.length) return [...config.region];
  if (isRegion(config.target)) return [config.target];
  const named = [...envs.byRegion.keys()];
  if (envs.common) {
    const region = envs.common.values.REGION ?? "us";
    if (!named.includes(region)) named.push(region);
  }
  if (named.length > 0) return named;
  return config.target === "emulator" ? [...EMULATOR_DEFAULT_REGIONS] : ["us"];
}

function readFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "EISDIR") return "is a directory, not a file";
  if (code === "EACCES" || code === "EPERM") return "cannot be read (permission denied)";
  return `cannot be read (${code ?? "unknown error"})`;
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

/** One region's credentials: the environment (and .env) first, then its Postman environment's CLIENT_ID / CLIENT_SECRET / PROJECT. */
function credentialsOf(fromEnv: Record<string, string | undefined>, values: Record<string, string>): Record<(typeof CREDENTIAL_VARS)[number], string | undefined> {
  return {
    SINCH_CLIENT_ID: fromEnv.SINCH_CLIENT_ID || values.CLIENT_ID,
    SINCH_CLIENT_SECRET: fromEnv.SINCH_CLIENT_SECRET || values.CLIENT_SECRET,
    SINCH_PROJECT_ID: fromEnv.SINCH_PROJECT_ID || values.PROJECT,
  };
}

/**
 * Where one region's requests go: the environment file's URLs over the target's (a URL target, or the region's public
 * hosts); with `--auth global` a region target's tokens come from the global endpoint, whatever the files say.
 */
function regionUrlsOf(config: Config, region: string, values: Record<string, string>): { baseUrl: string; authUrl: string; templateBaseUrl: string } | undefined {
  // with --target emulator (the default) the environment files are the target: no public host is ever guessed
  const fallback = isUrl(config.target)
    ? { baseUrl: config.target, authUrl: config.target, templateBaseUrl: config.target }
    : isRegion(config.target) && isRegion(region) ? regionUrls(region) : undefined;
  const baseUrl = values.BASE_URL ?? fallback?.baseUrl;
  if (baseUrl === undefined) return undefined;
  return {
    baseUrl: trimSlash(baseUrl),
    authUrl: config.auth === "global" && isRegion(config.target) ? GLOBAL_AUTH_URL : trimSlash(values.AUTH_URL ?? fallback?.authUrl ?? baseUrl),
    templateBaseUrl: trimSlash(values.TEMPLATE_BASE_URL ?? fallback?.templateBaseUrl ?? baseUrl),
  };
}

/**
 * Targets for `--target us|eu|br|URL`, or for environment files alone (their BASE_URL is the target); the
 * in-process emulator is started by project/. The environment files are read here unless already read
 * (`envs`). Each missing credential is one CC_MISSING_CREDENTIAL.
 */
export function resolveTargets(config: Config, env: Record<string, string | undefined>, envs?: RunEnvironments): { resolved?: ResolvedTargets; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const environments = envs ?? readRunEnvironments(config, diagnostics);
  if (diagnostics.length > 0) return { diagnostics };
  return targetsOf(config, env, environments);
}

function targetsOf(config: Config, env: Record<string, string | undefined>, envs: RunEnvironments): { resolved?: ResolvedTargets; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const fromEnv = credentialSource(env, config.cwd, diagnostics);
  if (diagnostics.length > 0) return { diagnostics };
  const regions = runRegions(config, envs);
  const targets: Record<string, RegionTarget> = {};
  const regionValues: Record<string, Record<string, string>> = {};
  const missing = new Set<string>();
  for (const region of regions) {
    const values = environmentValues(envs, region);
    const urls = regionUrlsOf(config, region, values);
    if (!urls) {
      diagnostics.push(noBaseUrl(config, envs, region));
      continue;
    }
    const creds = credentialsOf(fromEnv, values);
    for (const name of CREDENTIAL_VARS) if (!creds[name]) missing.add(name);
    regionValues[region] = values;
    targets[region] = { region, ...urls, projectId: creds.SINCH_PROJECT_ID ?? "", clientId: creds.SINCH_CLIENT_ID ?? "", clientSecret: creds.SINCH_CLIENT_SECRET ?? "" };
  }
  for (const name of CREDENTIAL_VARS) {
    if (missing.has(name)) diagnostics.push(diag("CC_MISSING_CREDENTIAL", `${name} is not set`, `set ${name} in the environment or in a .env file in ${config.cwd} (never in a suite or collection)`));
  }
  if (diagnostics.length > 0) return { diagnostics };
  const secrets = [envs.common, ...envs.byRegion.values()].flatMap((e) => e?.secrets ?? []);
  return { resolved: { regions, targets, regionValues, secrets }, diagnostics };
}

function noBaseUrl(config: Config, envs: RunEnvironments, region: string): Diagnostic {
  const file = (envs.byRegion.get(region) ?? envs.common)?.ref.file;
  if (file === undefined) {
    return diag("CC_BAD_ENV_FILE", `region ${region} has no environment file`, `give it one (--env ${region}=FILE), or leave it out of --region`);
  }
  return diag("CC_BAD_ENV_FILE", `environment file ${file} has no BASE_URL`, "give --target emulator|us|eu|br|URL, or add BASE_URL to the environment", file);
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
