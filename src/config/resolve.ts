import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../model";
import type { ReporterName } from "../vocabulary/reporters";
import { DEFAULTS, OPTIONS, type CommandName, type OptionSpec, type OptionValues } from "./options";
import { parseArgv } from "./parse-argv";
import { validateValues } from "./validate";

/** The optional config file, looked up in the working directory. */
export const CONFIG_FILE = "conversation-contract.config.json";

/** The resolved, read-only configuration of one CLI invocation. */
export interface Config extends Readonly<Omit<OptionValues, "shard" | "reporter">> {
  readonly command?: CommandName;
  readonly reporter: readonly ReporterName[];
  /** suite files or directories as given, relative to cwd */
  readonly suites: readonly string[];
  readonly shard?: { readonly index: number; readonly total: number };
  readonly cwd: string;
}

/** Inputs of resolveConfig; env and cwd are injected so tests never touch the process. */
export interface ConfigInput {
  argv: string[];
  env: Record<string, string | undefined>;
  cwd: string;
}

type Raw = string | boolean | number | string[];

/** defaults <- config file <- environment <- flags, into one frozen object; problems come back as diagnostics. */
export function resolveConfig(input: ConfigInput): { config?: Config; diagnostics: Diagnostic[] } {
  const parsed = parseArgv(input.argv);
  const diagnostics = [...parsed.diagnostics];
  const values: Record<string, unknown> = { ...DEFAULTS };
  Object.assign(values, readConfigFile(input.cwd, diagnostics));
  for (const spec of OPTIONS) {
    const raw = spec.env ? input.env[spec.env] : undefined;
    if (raw !== undefined && raw !== "") assign(values, spec, [raw], `environment variable ${spec.env}`, diagnostics);
  }
  for (const [key, raws] of parsed.flags) {
    const spec = OPTIONS.find((o) => o.key === key)!;
    if (parsed.command && spec.commands && !spec.commands.includes(parsed.command)) {
      diagnostics.push(bad(`option --${spec.flag} does not apply to "${parsed.command}"`, `it applies to: ${spec.commands.join(", ")}`));
      continue;
    }
    assign(values, spec, raws, `option --${spec.flag}`, diagnostics);
  }
  const { shard, reporters } = validateValues(values as unknown as OptionValues, diagnostics);
  if (diagnostics.some((d) => d.severity === "error")) return { diagnostics };
  const config: Config = Object.freeze({
    ...(values as unknown as OptionValues),
    ...(parsed.command ? { command: parsed.command } : {}),
    reporter: Object.freeze(reporters),
    suites: Object.freeze([...parsed.positionals]),
    shard: shard ? Object.freeze(shard) : undefined,
    cwd: input.cwd,
  });
  return { config, diagnostics };
}

function bad(message: string, hint?: string, file?: string): Diagnostic {
  return { code: "CC_BAD_OPTION", severity: "error", message, ...(hint ? { hint } : {}), ...(file ? { file } : {}) };
}

function assign(values: Record<string, unknown>, spec: OptionSpec, raws: Raw[], where: string, out: Diagnostic[]): void {
  const converted = convert(spec, raws);
  if (converted === undefined) {
    out.push(bad(`${where}: "${raws.join(",")}" is not a valid ${spec.type === "int" ? "whole number" : spec.type}`, spec.valueName ? `expected ${spec.valueName}` : undefined));
    return;
  }
  values[spec.key] = converted;
}

function convert(spec: OptionSpec, raws: Raw[]): Raw | undefined {
  const last = raws[raws.length - 1];
  switch (spec.type) {
    case "boolean":
      if (typeof last === "boolean") return last;
      if (spec.env === "NO_COLOR" && typeof last === "string") return last !== "";
      return parseBool(String(last));
    case "int":
    case "number":
      return parseNumber(last, spec.type === "int");
    case "list":
      return raws.flatMap((r) => (Array.isArray(r) ? r : String(r).split(","))).map((s) => s.trim()).filter((s) => s !== "");
    default:
      return typeof last === "string" ? last : undefined;
  }
}

/** A number of at least 0 (a whole one when `whole`), or undefined. */
function parseNumber(raw: Raw | undefined, whole: boolean): number | undefined {
  const n = typeof raw === "number" ? raw : Number(String(raw).trim());
  return Number.isFinite(n) && n >= 0 && (!whole || Number.isInteger(n)) ? n : undefined;
}

function parseBool(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (["1", "true", "yes", "on"].includes(t)) return true;
  if (["0", "false", "no", "off"].includes(t)) return false;
  return undefined;
}

/** Reads conversation-contract.config.json from cwd: keys are flag names ("retry-budget-ms") or config keys. */
function readConfigFile(cwd: string, out: Diagnostic[]): Record<string, unknown> {
  const file = join(cwd, CONFIG_FILE);
  if (!existsSync(file)) return {};
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    out.push(bad(`${CONFIG_FILE} is not valid JSON: ${(e as Error).message}`, undefined, CONFIG_FILE));
    return {};
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    out.push(bad(`${CONFIG_FILE} must hold a JSON object`, undefined, CONFIG_FILE));
    return {};
  }
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(json)) {
    const spec = OPTIONS.find((o) => o.flag === name || o.key === name);
    if (!spec || spec.key === "help" || spec.key === "version") {
      out.push(bad(`${CONFIG_FILE}: unknown option "${name}"`, undefined, CONFIG_FILE));
      continue;
    }
    const raws: Raw[] = Array.isArray(value) ? [value.map(String)] : [value as Raw];
    assign(values, spec, raws, `${CONFIG_FILE} "${name}"`, out);
  }
  return values;
}
