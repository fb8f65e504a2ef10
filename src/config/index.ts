export { OPTIONS, type OptionSpec, type CommandName } from "./options";
export { resolveConfig, type Config } from "./resolve";
export { resolveTargets, credentialSource } from "./targets";
export { formatHelp } from "./help";
export { parseArgv } from "./parse-argv";
