import { parseArgs, type ParseArgsConfig } from "node:util";
import type { Diagnostic } from "../model";
import { didYouMean, makeDiagnostic } from "../diagnostics";
import { COMMANDS, OPTIONS, type CommandName, type OptionSpec } from "./options";

/** argv split into a command, positionals and raw flag values (strings or booleans, lists not yet split). */
export interface ParsedArgv {
  command?: CommandName;
  positionals: string[];
  /** option key -> raw values in the order given */
  flags: Map<OptionSpec["key"], Array<string | boolean>>;
  diagnostics: Diagnostic[];
}

function badOption(message: string, hint?: string): Diagnostic {
  return { code: "CC_BAD_OPTION", severity: "error", message, ...(hint ? { hint } : {}) };
}

function suggest(name: string, candidates: string[], prefix: string): string | undefined {
  const close = didYouMean(name, candidates);
  return close ? `did you mean ${prefix}${close}?` : undefined;
}

const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

/** Same letters in another order ("hlep", "chekc"): a slip of the fingers the edit distance counts twice. */
function sameLetters(a: string, b: string): boolean {
  const sorted = (t: string): string => [...t.toLowerCase()].sort().join("");
  return a.length === b.length && sorted(a) === sorted(b);
}

/** The command a typo most likely meant: close in edit distance, the same letters swapped, or the one command it begins. */
function closeCommand(typo: string, names: string[]): string | undefined {
  const prefixed = names.filter((n) => typo.length >= 2 && n.startsWith(typo.toLowerCase()));
  return didYouMean(typo, names) ?? names.find((n) => sameLetters(typo, n)) ?? (prefixed.length === 1 ? prefixed[0] : undefined);
}

/** Parse argv (without node and script) against the option table; never throws. */
export function parseArgv(argv: string[]): ParsedArgv {
  const options: NonNullable<ParseArgsConfig["options"]> = Object.fromEntries(
    OPTIONS.map((o) => [o.flag, { type: o.type === "boolean" ? "boolean" : "string", multiple: true, ...(o.short ? { short: o.short } : {}) }]),
  );
  const parsed = parseArgs({ args: argv, options, strict: false, allowPositionals: true, tokens: true });
  const result: ParsedArgv = { positionals: [], flags: new Map(), diagnostics: [] };
  const byFlag = new Map(OPTIONS.map((o) => [o.flag, o]));
  for (const token of parsed.tokens ?? []) {
    if (token.kind === "positional") result.positionals.push(token.value);
    if (token.kind !== "option") continue;
    const spec = byFlag.get(token.name) ?? OPTIONS.find((o) => o.short === token.name);
    if (!spec) {
      const flags = OPTIONS.map((o) => o.flag);
      result.diagnostics.push(badOption(`unknown option ${token.rawName}`, suggest(token.name, flags, "--")));
      continue;
    }
    const value = readValue(spec, token.value, token.rawName, result.diagnostics);
    if (value === undefined) continue;
    const list = result.flags.get(spec.key) ?? [];
    list.push(value);
    result.flags.set(spec.key, list);
  }
  takeCommand(result);
  return result;
}

function readValue(spec: OptionSpec, value: string | undefined, raw: string, out: Diagnostic[]): string | boolean | undefined {
  if (spec.type === "boolean") {
    if (value !== undefined) out.push(badOption(`option ${raw} takes no value`));
    return value === undefined ? true : undefined;
  }
  if (value === undefined || value === "") {
    out.push(badOption(`option ${raw} needs a value`, spec.valueName ? `e.g. ${raw} ${spec.valueName}` : undefined));
    return undefined;
  }
  return value;
}

function takeCommand(result: ParsedArgv): void {
  // `help run` is `run --help`
  if (result.positionals[0] === "help") {
    result.positionals.shift();
    result.flags.set("help", [true]);
    if (result.positionals.length === 0) return;
  }
  const first = result.positionals[0];
  if (first === undefined) return;
  if ((COMMAND_NAMES as string[]).includes(first)) {
    result.command = first as CommandName;
    result.positionals.shift();
    return;
  }
  if (result.flags.has("version")) return;
  const names = [...COMMAND_NAMES, "help"];
  const close = closeCommand(first, names);
  result.diagnostics.push(makeDiagnostic("CC_UNKNOWN_COMMAND", `unknown command "${first}"`, undefined, close ? `did you mean ${close}?` : `commands: ${names.join(", ")}`));
}
