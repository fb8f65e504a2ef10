export { compilePath, type CompiledPath } from "./json-path";
export { compileStatus, type CompiledStatus } from "./status";
export {
  compileExpectation, compileBodyChecks, checkStatus, checkHeaders, checkBody, checkDuration,
  type CompiledExpectation, type CompiledBodyChecks,
} from "./expectation";
