export { checkSuites } from "./check-suites";
export type { CheckContext } from "./context";
export { jsonPathProblem } from "./jsonpath";
export { findNeedsCycles } from "./check-needs";
export * from "./coverage";
