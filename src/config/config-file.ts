import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../model";
import { didYouMean } from "../diagnostics";
import { convertJson, type OptionValue } from "./convert";
import { parseJsonSource } from "./json-source";
import { OPTIONS, type OptionSpec, type OptionValues } from "./options";
import { fileOrigin, type ValueOrigin } from "./origin";

/** The optional config file, looked up in the working directory. */
export const CONFIG_FILE = "conversation-contract.config.json";

/** Values set by the config file, each with where it is written. */
export interface ConfigFileValues {
  values: Partial<Record<keyof OptionValues, OptionValue>>;
  origins: Map<keyof OptionValues, ValueOrigin>;
}

/** Keys that only make sense on a command line. */
const NOT_IN_FILE = new Set<keyof OptionValues>(["help", "version"]);

function problem(message: string, at: { line: number; column: number } | undefined, hint?: string): Diagnostic {
  return { code: "CC_BAD_OPTION", severity: "error", message, file: CONFIG_FILE, ...(at ?? {}), ...(hint ? { hint } : {}) };
}

function readText(path: string, out: Diagnostic[]): string | undefined {
  try {
    if (statSync(path).isDirectory()) {
      out.push(problem(`${CONFIG_FILE} is a directory, not a file`, undefined));
      return undefined;
    }
    return readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "ENOENT") out.push(problem(`${CONFIG_FILE} cannot be read (${code ?? "unknown error"})`, undefined));
    return undefined;
  }
}

/**
 * Reads conversation-contract.config.json from cwd: a JSON object whose keys are flag names ("retry-budget-ms")
 * or config keys ("retryBudgetMs"), each value of its option's JSON type. Every problem points at its line and
 * column and names the key as written in the file.
 */
export function readConfigFile(cwd: string, out: Diagnostic[]): ConfigFileValues {
  const result: ConfigFileValues = { values: {}, origins: new Map() };
  const text = readText(join(cwd, CONFIG_FILE), out);
  if (text === undefined) return result;
  const parsed = parseJsonSource(text);
  if ("error" in parsed) {
    const { message, line, column } = parsed.error;
    out.push(problem(`${CONFIG_FILE} is not valid JSON: ${message}`, { line, column }));
    return result;
  }
  const { source } = parsed;
  const json = source.value;
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    out.push(problem(`${CONFIG_FILE} must hold a JSON object of options, e.g. {"concurrency": 2}`, source.valueAt([])));
    return result;
  }
  for (const [name, value] of Object.entries(json)) {
    const spec = OPTIONS.find((o) => o.flag === name || o.key === name);
    if (!spec || NOT_IN_FILE.has(spec.key)) {
      out.push(unknownKey(name, source.keyAt([name])));
      continue;
    }
    const origin = fileOrigin(CONFIG_FILE, name, (part) => source.valueAt(part === undefined ? [name] : [name, part]));
    const converted = convertJson(spec, value, origin, out);
    if (converted === undefined) continue;
    result.values[spec.key] = converted;
    result.origins.set(spec.key, origin);
  }
  return result;
}

function unknownKey(name: string, at: { line: number; column: number }): Diagnostic {
  const keys = OPTIONS.filter((o: OptionSpec) => !NOT_IN_FILE.has(o.key)).map((o) => o.flag);
  const close = didYouMean(name, keys);
  return problem(`${CONFIG_FILE}: unknown option "${name}"`, at, close ? `did you mean "${close}"?` : `options: ${keys.join(", ")}`);
}
