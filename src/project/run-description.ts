import type { Suite } from "../model";
import type { Config } from "../config";
import { buildPlan } from "../plan";
import { planFingerprint, type RunDescription } from "../report/run-header";
import type { OpenTargets } from "./open-targets";
import { packageInfo } from "./package-info";

/** What results.json's header says about a run: the tool, the target, regions, API version, and the plan before sharding. */
export function describeRun(config: Config, open: OpenTargets, suites: Suite[]): RunDescription {
  // every shard of a run has the same fingerprint, so `merge` can tell the shards of one run from another's
  const whole = buildPlan(suites, { regions: open.regions, tags: [...config.tag], grep: config.grep });
  return {
    tool: packageInfo(), target: open.label, regions: [...open.regions], apiVersion: config.apiVersion, strict: config.strict,
    planFingerprint: planFingerprint(whole),
    ...(config.shard ? { shard: { index: config.shard.index, total: config.shard.total } } : {}),
  };
}
