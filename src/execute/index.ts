export { runPlan } from "./run-plan";
export { totalsOf, suiteOutcome } from "./run-result";
export { learnRunInputs } from "./exchange";
