import type { Diagnostic } from "../model";
import { didYouMean } from "../diagnostics";
import { API_VERSIONS } from "../vocabulary/api-versions";
import { REGIONS } from "../vocabulary/regions";
import { isReporterName, REPORTER_NAMES, type ReporterName } from "../vocabulary/reporters";
import type { OptionValues } from "./options";

/** What validation makes of values that need more than a type. */
export interface ValidatedValues {
  shard?: { index: number; total: number };
  /** --reporter, every name known */
  reporters: ReporterName[];
}

function bad(message: string, hint?: string): Diagnostic {
  return { code: "CC_BAD_OPTION", severity: "error", message, ...(hint ? { hint } : {}) };
}

function oneOf(what: string, value: string, allowed: readonly string[], out: Diagnostic[]): void {
  if (allowed.includes(value)) return;
  const close = didYouMean(value, [...allowed]);
  out.push(bad(`unknown ${what} "${value}"`, close ? `did you mean ${close}?` : `expected one of ${allowed.join(", ")}`));
}

/** Checks values that need more than a type; returns the parsed shard and the known reporter names. */
export function validateValues(v: OptionValues, out: Diagnostic[]): ValidatedValues {
  checkNames(v, out);
  if (v.concurrency < 1) out.push(bad("--concurrency must be at least 1"));
  if (v.callbackUrl !== undefined) checkCallbackUrl(v.callbackUrl, out);
  if (v.timeout < 1) out.push(bad("--timeout must be at least 1 ms"));
  validateGate(v, out);
  if (!Number.isInteger(v.port) || v.port < 0 || v.port > MAX_PORT) out.push(bad(`--port ${v.port} is not a port number`, `expected a whole number from 0 to ${MAX_PORT} (0 = a free port)`));
  const reporters = v.reporter.filter(isReporterName);
  const shard = v.shard === undefined ? undefined : parseShard(v.shard, out);
  return shard ? { shard, reporters } : { reporters };
}

/** --target, --region and --reporter name known things (a target may be a URL instead). */
function checkNames(v: OptionValues, out: Diagnostic[]): void {
  if (!isUrl(v.target)) oneOf("target", v.target, ["emulator", ...REGIONS], out);
  else checkBaseUrl("--target", v.target, out);
  for (const r of v.region ?? []) oneOf("region", r, REGIONS, out);
  for (const r of v.reporter) oneOf("reporter", r, REPORTER_NAMES, out);
}

function checkCallbackUrl(url: string, out: Diagnostic[]): void {
  if (!isUrl(url)) out.push(bad(`--callback-url "${url}" is not an http(s) URL`));
  else checkBaseUrl("--callback-url", url, out);
}

function parseShard(text: string, out: Diagnostic[]): { index: number; total: number } | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const total = Number(m?.[2]);
  if (!m || total < 1 || index < 1 || index > total) {
    out.push(bad(`--shard "${text}" is not I/N with 1 <= I <= N`, "e.g. --shard 2/4"));
    return undefined;
  }
  return { index, total };
}

/** The regression gate's options and --api-version. */
function validateGate(v: OptionValues, out: Diagnostic[]): void {
  oneOf("API version", v.apiVersion, API_VERSIONS, out);
  oneOf("--fail-on value", v.failOn, ["regression", "change"], out);
  if (v.latencyRatio < 1) out.push(bad(`--latency-ratio ${v.latencyRatio} is below 1`, "e.g. --latency-ratio 1.5: slower means a median more than 1.5 times the baseline's"));
}

const MAX_PORT = 65535;
/** Where the credentials of a real target come from, for a URL that tried to carry them. */
export const CREDENTIALS_HINT = "credentials come from SINCH_CLIENT_ID/SINCH_CLIENT_SECRET or .env; give the base URL alone, e.g. https://host:8443/prefix";

/**
 * What a base URL must not carry: user-info would leak into every report and log, and a query or fragment
 * would break every request URL built on it. The URL itself is never echoed (it may hold a password).
 */
export function baseUrlProblem(text: string): string | undefined {
  const u = new URL(text);
  const parts = [
    u.username || u.password ? "user-info (user:password@)" : "",
    u.search || text.includes("?") ? "a query (?...)" : "",
    u.hash || text.includes("#") ? "a fragment (#...)" : "",
  ].filter(Boolean);
  return parts.length > 0 ? `must not contain ${parts.join(", ")}` : undefined;
}

function checkBaseUrl(flag: string, url: string, out: Diagnostic[]): void {
  const problem = baseUrlProblem(url);
  if (problem) out.push(bad(`${flag}: the URL ${problem}`, CREDENTIALS_HINT));
}

/** True for an absolute http(s) URL. */
export function isUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}
