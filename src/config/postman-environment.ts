import { readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import type { Diagnostic, SourcePos } from "../model";
import { didYouMean } from "../diagnostics";
import { isRegion, REGIONS } from "../vocabulary/regions";
import { parseJsonSource, type JsonSource } from "./json-source";
import type { EnvFileRef } from "./run-inputs";
import { baseUrlProblem, isUrl } from "./validate";

/** A Postman environment export as the run uses it: its enabled, non-empty values, each a run variable. */
export interface PostmanEnvironment {
  ref: EnvFileRef;
  values: Record<string, string>;
  /** values Postman marks as secret ("type": "secret"): every output redacts them */
  secrets: string[];
}

const ENV_FILE_HINT = "expected a Postman environment export: {\"values\": [{\"key\": \"BASE_URL\", \"value\": \"...\"}]}";
/** Keys whose value is a base URL of requests; a URL that is not http(s), or carries user-info, a query or a fragment, breaks every request. */
const URL_KEYS = new Set(["BASE_URL", "AUTH_URL", "TEMPLATE_BASE_URL", "ADMIN_URL"]);

/** One value of the file and where it is. */
interface Entry {
  key: string;
  value: string;
  at(field: "key" | "value"): SourcePos;
}

function readFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "file not found";
  if (code === "EISDIR") return "is a directory, not a file";
  if (code === "EACCES" || code === "EPERM") return "cannot be read (permission denied)";
  return `cannot be read (${code ?? "unknown error"})`;
}

function bad(message: string, at: Partial<SourcePos>, hint = ENV_FILE_HINT): Diagnostic {
  return { code: "CC_BAD_ENV_FILE", severity: "error", message, hint, ...at };
}

/**
 * Reads and checks one Postman environment (`{"values": [{key, value, enabled, type}]}`): every problem is a
 * CC_BAD_ENV_FILE at the file's line and column, found before anything is sent. Values are never echoed
 * (they may be credentials), except a REGION that is not a region.
 */
export function readPostmanEnvironment(ref: EnvFileRef, cwd: string, out: Diagnostic[]): PostmanEnvironment | undefined {
  const name = `environment file ${ref.file}`;
  let text: string;
  try {
    text = readFileSync(isAbsolute(ref.file) ? ref.file : join(cwd, ref.file), "utf8");
  } catch (e) {
    out.push(bad(`${name}: ${readFailure(e)}`, { file: ref.file }));
    return undefined;
  }
  const parsed = parseJsonSource(text);
  if ("error" in parsed) {
    out.push(bad(`${name}: not valid JSON (${parsed.error.message})`, { file: ref.file, line: parsed.error.line, column: parsed.error.column }));
    return undefined;
  }
  const { source } = parsed;
  const json = source.value as { values?: unknown } | null;
  if (typeof json !== "object" || json === null || Array.isArray(json) || !Array.isArray(json.values)) {
    out.push(bad(`${name}: not a Postman environment (no "values" list)`, { file: ref.file, ...source.valueAt(["values"]) }));
    return undefined;
  }
  const before = out.length;
  const entries = readEntries(json.values, { ref, source, out });
  for (const entry of entries) checkValue(entry, ref, out);
  if (out.length > before) return undefined;
  const values: Record<string, string> = {};
  for (const entry of entries) values[entry.key] = entry.value;
  return { ref, values, secrets: secretValues(json.values) };
}

/** What reading the entries of one file needs. */
interface EntryReading {
  ref: EnvFileRef;
  source: JsonSource;
  out: Diagnostic[];
}

function readEntries(list: unknown[], r: EntryReading): Entry[] {
  return list.map((item, i) => readEntry(item, i, r)).filter((e): e is Entry => e !== undefined);
}

/** One entry, checked; undefined when it is wrong (a diagnostic says why) or gives no value (disabled, empty). */
function readEntry(item: unknown, i: number, r: EntryReading): Entry | undefined {
  const at = (field?: string): SourcePos => ({ file: r.ref.file, ...r.source.valueAt(field ? ["values", i, field] : ["values", i]) });
  if (typeof item !== "object" || item === null || Array.isArray(item)) {
    r.out.push(bad(`values[${i}] is not an object {"key", "value"}`, at()));
    return undefined;
  }
  const { key, value, enabled } = item as { key?: unknown; value?: unknown; enabled?: unknown };
  if (typeof key !== "string" || key.trim() === "") {
    r.out.push(bad(`values[${i}] has no "key" string`, at(key === undefined ? undefined : "key")));
    return undefined;
  }
  if (enabled !== undefined && typeof enabled !== "boolean") r.out.push(bad(`"enabled" of ${key} must be true or false`, at("enabled")));
  if (!isPlainValue(value)) {
    r.out.push(bad(`"value" of ${key} must be a string (or a number or a boolean)`, at("value")));
    return undefined;
  }
  if (enabled === false || value === undefined || value === null || value === "") return undefined;
  return { key, value: String(value), at: (field) => at(field) };
}

/** A value Postman can hold: text, a number, a boolean, or nothing. */
function isPlainValue(value: unknown): boolean {
  return value === undefined || value === null || ["string", "number", "boolean"].includes(typeof value);
}

function checkValue(entry: Entry, ref: EnvFileRef, out: Diagnostic[]): void {
  if (entry.key === "REGION") {
    if (!isRegion(entry.value)) {
      const close = didYouMean(entry.value, REGIONS);
      out.push(bad(`REGION "${entry.value}" is not a region`, entry.at("value"), close ? `did you mean ${close}?` : `expected one of ${REGIONS.join(", ")}`));
    } else if (ref.region !== undefined && entry.value !== ref.region) {
      out.push(bad(`REGION is ${entry.value}, but the file was given for region ${ref.region}`, entry.at("value"), `give it as ${entry.value}=${ref.file}, or fix REGION`));
    }
    return;
  }
  if (!URL_KEYS.has(entry.key)) return;
  if (!isUrl(entry.value)) out.push(bad(`${entry.key} is not an http(s) URL`, entry.at("value"), "e.g. https://eu.conversation.api.sinch.com or http://127.0.0.1:8787/eu"));
  else {
    const problem = baseUrlProblem(entry.value);
    if (problem) out.push(bad(`${entry.key} ${problem}`, entry.at("value"), "credentials come from SINCH_CLIENT_ID/SINCH_CLIENT_SECRET or .env, never from a URL"));
  }
}

function secretValues(list: unknown[]): string[] {
  return list
    .filter((item): item is { type: string; value: unknown } => typeof item === "object" && item !== null && (item as { type?: unknown }).type === "secret")
    .map((item) => (typeof item.value === "string" ? item.value : ""))
    .filter((value) => value !== "");
}
