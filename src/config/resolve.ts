import type { Diagnostic } from "../model";
import type { ReporterName } from "../vocabulary/reporters";
import { readConfigFile } from "./config-file";
import { convertText, type OptionValue } from "./convert";
import type { ListenAddress } from "./listen-address";
import { DEFAULTS, OPTIONS, type CommandName, type OptionValues } from "./options";
import { envOrigin, flagOrigin, type ValueOrigin } from "./origin";
import { parseArgv, type ParsedArgv } from "./parse-argv";
import type { EnvFileRef } from "./run-inputs";
import { validateValues } from "./validate";

/** The resolved, read-only configuration of one CLI invocation. */
export interface Config extends Readonly<Omit<OptionValues, "shard" | "reporter" | "env" | "var" | "callbackListen">> {
  readonly command?: CommandName;
  readonly reporter: readonly ReporterName[];
  /** suite files or directories as given, relative to cwd */
  readonly suites: readonly string[];
  readonly shard?: { readonly index: number; readonly total: number };
  /** Postman environment files (--env FILE, --env REGION=FILE) */
  readonly envFiles: readonly EnvFileRef[];
  /** --var KEY=VALUE */
  readonly vars: Readonly<Record<string, string>>;
  /** where the webhook receiver listens */
  readonly callbackListen: Readonly<ListenAddress>;
  readonly cwd: string;
}

/** Inputs of resolveConfig; env and cwd are injected so tests never touch the process. */
export interface ConfigInput {
  argv: string[];
  env: Record<string, string | undefined>;
  cwd: string;
}

/** The values resolved so far, and where each came from. */
interface Layers {
  values: Record<string, OptionValue | undefined>;
  origins: Map<keyof OptionValues, ValueOrigin>;
  diagnostics: Diagnostic[];
}

function set(layers: Layers, key: keyof OptionValues, value: OptionValue | undefined, origin: ValueOrigin): void {
  if (value === undefined) return;
  layers.values[key] = value;
  layers.origins.set(key, origin);
}

function layerEnvironment(layers: Layers, env: ConfigInput["env"]): Layers {
  const own: Layers = { values: {}, origins: new Map(), diagnostics: layers.diagnostics };
  for (const spec of OPTIONS) {
    const raw = spec.env ? env[spec.env] : undefined;
    if (raw === undefined || raw === "" || !spec.env) continue;
    const origin = envOrigin(spec.env);
    const value = convertText(spec, [raw], origin, layers.diagnostics);
    set(layers, spec.key, value, origin);
    set(own, spec.key, value, origin);
  }
  return own;
}

/**
 * A value of the config file or the environment that a later layer overrides is checked all the same, against its
 * own origin: a wrong value must not pass because a flag happened to win this time (the next run may not pass it).
 */
function validateShadowed(layer: Pick<Layers, "values" | "origins">, final: Layers): void {
  const shadowed = [...layer.origins.keys()].filter((key) => final.origins.get(key) !== layer.origins.get(key));
  if (shadowed.length === 0) return;
  const values = { ...DEFAULTS, ...Object.fromEntries(shadowed.map((key) => [key, layer.values[key]])) } as unknown as OptionValues;
  const originOf = (key: keyof OptionValues): ValueOrigin => layer.origins.get(key) ?? flagOrigin(OPTIONS.find((o) => o.key === key)!);
  validateValues(values, originOf, final.diagnostics);
}

function layerFlags(layers: Layers, parsed: ParsedArgv): void {
  for (const [key, raws] of parsed.flags) {
    const spec = OPTIONS.find((o) => o.key === key)!;
    if (parsed.command && spec.commands && !spec.commands.includes(parsed.command)) {
      layers.diagnostics.push({ code: "CC_BAD_OPTION", severity: "error", message: `option --${spec.flag} does not apply to "${parsed.command}"`, hint: `it applies to: ${spec.commands.join(", ")}` });
      continue;
    }
    const origin = flagOrigin(spec);
    set(layers, spec.key, convertText(spec, raws, origin, layers.diagnostics), origin);
  }
}

/** defaults <- config file <- environment <- flags, into one frozen object; problems come back as diagnostics. */
export function resolveConfig(input: ConfigInput): { config?: Config; diagnostics: Diagnostic[] } {
  const parsed = parseArgv(input.argv);
  const layers: Layers = { values: { ...DEFAULTS }, origins: new Map(), diagnostics: [...parsed.diagnostics] };
  const file = readConfigFile(input.cwd, layers.diagnostics);
  for (const [key, origin] of file.origins) set(layers, key, file.values[key], origin);
  const environment = layerEnvironment(layers, input.env);
  layerFlags(layers, parsed);
  validateShadowed({ values: file.values, origins: file.origins }, layers);
  validateShadowed(environment, layers);
  const { diagnostics } = layers;
  const originOf = (key: keyof OptionValues): ValueOrigin => layers.origins.get(key) ?? flagOrigin(OPTIONS.find((o) => o.key === key)!);
  const options = layers.values as unknown as OptionValues;
  const validated = validateValues(options, originOf, diagnostics);
  if (diagnostics.some((d) => d.severity === "error")) return { diagnostics };
  const { env: _env, var: _var, callbackListen: _listen, shard: _shard, reporter: _reporter, ...plain } = options;
  const config: Config = Object.freeze({
    ...plain,
    ...(parsed.command ? { command: parsed.command } : {}),
    reporter: Object.freeze(validated.reporters),
    suites: Object.freeze([...parsed.positionals]),
    shard: validated.shard ? Object.freeze(validated.shard) : undefined,
    envFiles: Object.freeze(validated.envFiles.map((r) => Object.freeze(r))),
    vars: Object.freeze(validated.vars),
    callbackListen: Object.freeze(validated.callbackListen),
    cwd: input.cwd,
  });
  return { config, diagnostics };
}
