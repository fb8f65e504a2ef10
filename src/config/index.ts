export { OPTIONS, COMMANDS, DEFAULTS, type OptionSpec, type OptionValues, type CommandName } from "./options";
export { resolveConfig, CONFIG_FILE, type Config, type ConfigInput } from "./resolve";
export { resolveTargets, regionUrls, readPostmanEnvironment, credentialSource, CREDENTIAL_VARS, type ResolvedTargets } from "./targets";
export { formatHelp } from "./help";
export { REGIONS, REPORTERS, isUrl } from "./validate";
export { parseArgv, type ParsedArgv } from "./parse-argv";
