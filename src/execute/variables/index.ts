export { compileText, renderText, renderValue, variableNames, type CompiledText, type Resolver } from "./template";
export { compileJson, renderJson, renderJsonValue, compileValue, resolveValue, type CompiledJson, type CompiledValue } from "./json-body";
export { VariableScope, DeferredText } from "./scope";
