export { OPTIONS, COMMANDS, DEFAULTS, type OptionSpec, type OptionValues, type CommandName } from "./options";
export { resolveConfig, CONFIG_FILE, type Config, type ConfigInput } from "./resolve";
export {
  resolveTargets, readRunEnvironments, runRegions, runInputNames, credentialSource,
  CREDENTIAL_VARS, EMULATOR_DEFAULT_REGIONS, type ResolvedTargets, type RunEnvironments,
} from "./targets";
export { readPostmanEnvironment, type PostmanEnvironment } from "./postman-environment";
export type { EnvFileRef } from "./run-inputs";
export { wantsColor } from "./color";
export { formatHelp } from "./help";
export { isUrl } from "./validate";
export { parseArgv, type ParsedArgv } from "./parse-argv";
