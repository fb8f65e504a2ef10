export { buildPlan, type PlanOptions } from "./build-plan";
export { shardItems, stableHash, type ShardSpec } from "./shard";
