export { runPlan } from "./run-plan";
export { totalsOf } from "./run-result";
