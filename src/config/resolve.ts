import type { Diagnostic } from "../model";
import type { ReporterName } from "../vocabulary/reporters";
import { readConfigFile } from "./config-file";
import { convertText, type OptionValue } from "./convert";
import type { ListenAddress } from "./listen-address";
import { DEFAULTS, OPTIONS, type CommandName, type OptionValues } from "./options";
import { envOrigin, flagOrigin, type ValueOrigin } from "./origin";
import { parseArgv } from "./parse-argv";
import type { EnvFileRef } from "./run-inputs";
import { validateValues } from "./validate";

export { CONFIG_FILE } from "./config-file";

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

/** defaults <- config file <- environment <- flags, into one frozen object; problems come back as diagnostics. */
export function resolveConfig(input: ConfigInput): { config?: Config; diagnostics: Diagnostic[] } {
  const parsed = parseArgv(input.argv);
  const diagnostics = [...parsed.diagnostics];
  const values: Record<string, OptionValue | undefined> = { ...DEFAULTS };
  const origins = new Map<keyof OptionValues, ValueOrigin>();
  const file = readConfigFile(input.cwd, diagnostics);
  Object.assign(values, file.values);
  for (const [key, origin] of file.origins) origins.set(key, origin);
  for (const spec of OPTIONS) {
    const raw = spec.env ? input.env[spec.env] : undefined;
    if (raw === undefined || raw === "" || !spec.env) continue;
    const origin = envOrigin(spec.env);
    const converted = convertText(spec, [raw], origin, diagnostics);
    if (converted === undefined) continue;
    values[spec.key] = converted;
    origins.set(spec.key, origin);
  }
  for (const [key, raws] of parsed.flags) {
    const spec = OPTIONS.find((o) => o.key === key)!;
    if (parsed.command && spec.commands && !spec.commands.includes(parsed.command)) {
      diagnostics.push({ code: "CC_BAD_OPTION", severity: "error", message: `option --${spec.flag} does not apply to "${parsed.command}"`, hint: `it applies to: ${spec.commands.join(", ")}` });
      continue;
    }
    const origin = flagOrigin(spec);
    const converted = convertText(spec, raws, origin, diagnostics);
    if (converted === undefined) continue;
    values[spec.key] = converted;
    origins.set(spec.key, origin);
  }
  const originOf = (key: keyof OptionValues): ValueOrigin => origins.get(key) ?? flagOrigin(OPTIONS.find((o) => o.key === key)!);
  const options = values as unknown as OptionValues;
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
