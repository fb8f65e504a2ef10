import type { Diagnostic, SourcePos } from "../model";
import type { OptionSpec } from "./options";
import type { TextPosition } from "./json-source";

/**
 * Where a value came from, so a diagnostic names it the way the user wrote it (`--shard 4/3`,
 * `CC_SHARD=4/3`, `"shard": "4/3"` at its line and column) and never blames a flag the user did not type.
 */
export interface ValueOrigin {
  /** the option as named there: --shard, CC_SHARD, "shard" */
  name: string;
  /** the value as written there */
  typed(value: unknown): string;
  /** file, line and column, for a value of the config file (part: one element of a list or member of an object) */
  at(part?: number | string): Partial<SourcePos>;
}

const MAX_SHOWN = 60;

function shown(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

function asText(value: unknown): string {
  return Array.isArray(value) ? value.join(",") : String(value);
}

/** A value given as a command-line flag. */
export function flagOrigin(spec: OptionSpec): ValueOrigin {
  return { name: `--${spec.flag}`, typed: (v) => shown(`--${spec.flag} ${asText(v)}`), at: () => ({}) };
}

/** A value given in an environment variable. */
export function envOrigin(variable: string): ValueOrigin {
  return { name: variable, typed: (v) => shown(`${variable}=${asText(v)}`), at: () => ({}) };
}

/** A value of the config file, under the key as written there. */
export function fileOrigin(file: string, key: string, position: (part?: number | string) => TextPosition): ValueOrigin {
  return {
    name: `"${key}"`,
    // JSON.stringify writes a number too large for a double (1e400, read as Infinity) as null
    typed: (v) => shown(`"${key}": ${typeof v === "number" && !Number.isFinite(v) ? "a number too large" : (JSON.stringify(v) ?? String(v))}`),
    at: (part) => ({ file, ...position(part) }),
  };
}

/** A CC_BAD_OPTION diagnostic at the value's origin. */
export function badValue(origin: ValueOrigin, message: string, hint?: string, part?: number | string): Diagnostic {
  return { code: "CC_BAD_OPTION", severity: "error", message, ...(hint ? { hint } : {}), ...origin.at(part) };
}
