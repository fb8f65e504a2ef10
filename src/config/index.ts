export { OPTIONS, type OptionSpec, type CommandName } from "./options";
export { resolveConfig, type Config } from "./resolve";
export {
  resolveTargets, readRunEnvironments, runRegions, runInputNames, credentialSource, type RunEnvironments,
} from "./targets";
export { wantsColor } from "./color";
export { formatHelp } from "./help";
export { parseArgv } from "./parse-argv";
