import type { Diagnostic } from "../model";
import { didYouMean } from "../diagnostics";
import { API_VERSIONS } from "../vocabulary/api-versions";
import { CALLBACK_FORMATS } from "../vocabulary/callback-formats";
import { AUTH_MODES, REGIONS } from "../vocabulary/regions";
import { isReporterName, REPORTER_NAMES, type ReporterName } from "../vocabulary/reporters";
import { parseListenAddress, type ListenAddress } from "./listen-address";
import type { OptionValues } from "./options";
import { checkEmulatorIdentity } from "./validate-emulator";
import { badValue, type ValueOrigin } from "./origin";
import { parseEnvFileRefs, parseVariables, type EnvFileRef } from "./run-inputs";

/** What validation makes of values that need more than a type. */
export interface ValidatedValues {
  shard?: { index: number; total: number };
  /** --reporter, every name known */
  reporters: ReporterName[];
  envFiles: EnvFileRef[];
  vars: Record<string, string>;
  callbackListen: ListenAddress;
}

/** The origin of each option's value (a flag, an environment variable, the config file, or the default). */
export type OriginOf = (key: keyof OptionValues) => ValueOrigin;

/** The checks that need the value and where it came from, for messages. */
interface Check {
  v: OptionValues;
  originOf: OriginOf;
  out: Diagnostic[];
}

/** A value that must be one of a few names: which option, what it names, and the names it may take. */
interface NameCheck {
  key: keyof OptionValues;
  what: string;
  allowed: readonly string[];
}

function oneOf(check: Check, names: NameCheck, value: string, index?: number): void {
  if (names.allowed.includes(value)) return;
  const close = didYouMean(value, [...names.allowed]);
  const origin = check.originOf(names.key);
  check.out.push(badValue(origin, `${origin.name}: unknown ${names.what} "${value}"`, close ? `did you mean ${close}?` : `expected one of ${names.allowed.join(", ")}`, index));
}

function atLeastOne(check: Check, key: "concurrency" | "timeout", unit: string): void {
  const origin = check.originOf(key);
  if (check.v[key] < 1) check.out.push(badValue(origin, `${origin.typed(check.v[key])}: must be at least 1${unit}`));
}

function checkTarget(check: Check): void {
  const { v, originOf } = check;
  if (!isUrl(v.target)) oneOf(check, { key: "target", what: "target", allowed: ["emulator", ...REGIONS] }, v.target);
  else checkBaseUrl(originOf("target"), v.target, check.out);
  (v.region ?? []).forEach((r, i) => oneOf(check, { key: "region", what: "region", allowed: REGIONS }, r, i));
  v.reporter.forEach((r, i) => oneOf(check, { key: "reporter", what: "reporter", allowed: REPORTER_NAMES }, r, i));
}

/** --api-version names a version, --auth a mode, --fail-on a severity, --latency-ratio is no speed-up. */
function checkGate(check: Check): void {
  const { v } = check;
  oneOf(check, { key: "apiVersion", what: "API version", allowed: API_VERSIONS }, v.apiVersion);
  oneOf(check, { key: "callbackFormat", what: "callback format", allowed: CALLBACK_FORMATS }, v.callbackFormat);
  oneOf(check, { key: "auth", what: "auth mode", allowed: AUTH_MODES }, v.auth);
  oneOf(check, { key: "failOn", what: "severity", allowed: ["regression", "change"] }, v.failOn);
  const origin = check.originOf("latencyRatio");
  if (v.latencyRatio < 1) check.out.push(badValue(origin, `${origin.typed(v.latencyRatio)}: must be at least 1`, "e.g. 1.5: slower means a median more than 1.5 times the baseline's"));
}

function checkCallbackUrl(check: Check): void {
  const url = check.v.callbackUrl;
  if (url === undefined) return;
  const origin = check.originOf("callbackUrl");
  if (!isUrl(url)) check.out.push(badValue(origin, `${origin.name}: not an http(s) URL`, "e.g. https://abc.trycloudflare.com/"));
  else checkBaseUrl(origin, url, check.out);
}

function checkPort(check: Check): void {
  const { port } = check.v;
  const origin = check.originOf("port");
  if (!Number.isInteger(port) || port < 0 || port > MAX_PORT) {
    check.out.push(badValue(origin, `${origin.typed(port)} is not a port number`, `expected a whole number from 0 to ${MAX_PORT} (0 = a free port)`));
  }
}

function checkShard(check: Check): ValidatedValues["shard"] {
  const { shard, shardTimings } = check.v;
  if (shard === undefined) {
    const origin = check.originOf("shardTimings");
    if (shardTimings !== undefined) check.out.push(badValue(origin, `${origin.name} without --shard: the timings only balance shards`, "add --shard I/N (e.g. --shard 1/2), or leave out --shard-timings"));
    return undefined;
  }
  const m = /^(\d+)\/(\d+)$/.exec(shard.trim());
  const index = Number(m?.[1]);
  const total = Number(m?.[2]);
  if (m && total >= 1 && index >= 1 && index <= total) return { index, total };
  check.out.push(badValue(check.originOf("shard"), `${check.originOf("shard").typed(shard)} is not I/N with 1 <= I <= N`, "e.g. 2/4: the second of four shards"));
  return undefined;
}

function checkListen(check: Check): ListenAddress {
  const origin = check.originOf("callbackListen");
  const parsed = parseListenAddress(check.v.callbackListen);
  if ("address" in parsed) return parsed.address;
  check.out.push(badValue(origin, `${origin.typed(check.v.callbackListen)}: ${parsed.problem}`, "expected HOST:PORT, e.g. 127.0.0.1:8788 or [::1]:8788 (port 0 = a free port)"));
  return { host: "127.0.0.1", port: 0 };
}

/** Checks values that need more than a type; returns what they parse to and the known reporter names. */
export function validateValues(v: OptionValues, originOf: OriginOf, out: Diagnostic[]): ValidatedValues {
  const check: Check = { v, originOf, out };
  checkTarget(check);
  atLeastOne(check, "concurrency", "");
  atLeastOne(check, "timeout", " ms");
  checkCallbackUrl(check);
  checkPort(check);
  checkEmulatorIdentity(v, originOf, out);
  checkGate(check);
  return {
    shard: checkShard(check),
    reporters: v.reporter.filter(isReporterName),
    envFiles: parseEnvFileRefs(v.env, originOf("env"), out),
    vars: parseVariables(v.var, originOf("var"), out),
    callbackListen: checkListen(check),
  };
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

function checkBaseUrl(origin: ValueOrigin, url: string, out: Diagnostic[]): void {
  const problem = baseUrlProblem(url);
  if (problem) out.push(badValue(origin, `${origin.name}: the URL ${problem}`, CREDENTIALS_HINT));
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
