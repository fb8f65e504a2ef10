export { buildPlan, type PlanOptions } from "./build-plan";
export { shardAssignment } from "./shard";
