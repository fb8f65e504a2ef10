export { checkSuites } from "./check-suites";
export * from "./coverage";
