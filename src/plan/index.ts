export { buildPlan, type PlanOptions } from "./build-plan";
