export * from "./suite";
export * from "./collection";
export { suiteIdOf } from "./build-suite";
export { STEP_DEFAULTS } from "./build-step";
