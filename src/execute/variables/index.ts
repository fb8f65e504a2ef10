export { compileText, renderText, type CompiledText, type Resolver } from "./template";
export { compileJson, renderJson, renderJsonValue, compileValue, resolveValue, type CompiledJson, type CompiledValue } from "./json-body";
export { VariableScope } from "./scope";
