export { OPTIONS, COMMANDS, DEFAULTS, type OptionSpec, type OptionValues, type CommandName } from "./options";
export { resolveConfig, CONFIG_FILE, type Config, type ConfigInput } from "./resolve";
export { resolveTargets, readPostmanEnvironment, credentialSource, CREDENTIAL_VARS, type ResolvedTargets } from "./targets";
export { formatHelp } from "./help";
export { isUrl } from "./validate";
export { parseArgv, type ParsedArgv } from "./parse-argv";
